//go:build !windows

package briefing

// renameError explains a failed rename of a finished save over name.
func renameError(name string, err error) error { return saveError(name, err) }
