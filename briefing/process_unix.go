//go:build unix

package briefing

import (
	"errors"
	"syscall"
)

// processExists asks the kernel whether pid names a process (signal 0
// delivers nothing; EPERM means it exists but is someone else's).
func processExists(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
