//go:build !unix && !windows

package briefing

// processExists cannot ask the system here, so it assumes the process is
// running: another window's recovery file is then kept, never deleted.
func processExists(int) bool { return true }
