package briefing

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"syscall"
)

// fileError is a failure to read or write a file, told in words a user
// understands; the system's error stays underneath for errors.Is.
type fileError struct {
	msg string
	err error
}

func (e *fileError) Error() string { return e.msg }
func (e *fileError) Unwrap() error { return e.err }

// plainIOError says why a file operation failed without the system's
// jargon ("operation not permitted", "ENOSPC", an errno number).
func plainIOError(err error) error {
	var why string
	switch {
	case errors.Is(err, errThroughFile):
		why = errThroughFile.Error()
	case errors.Is(err, fs.ErrNotExist):
		why = "it does not exist (was it moved, renamed or deleted?)"
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EPERM):
		why = "you do not have permission"
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		why = "the disk is full"
	case errors.Is(err, syscall.EROFS):
		why = "the disk is read-only"
	case errors.Is(err, syscall.ENAMETOOLONG):
		why = "the name is too long"
	case errors.Is(err, syscall.ENOTDIR):
		why = "part of its path is a file, not a folder"
	case errors.Is(err, syscall.EISDIR):
		why = "it is a folder"
	default:
		var pe *fs.PathError
		if errors.As(err, &pe) {
			why = pe.Err.Error()
		} else {
			why = err.Error()
		}
	}
	return &fileError{msg: why, err: err}
}

// PlainFileError is plainIOError for the front ends: why a file could not
// be read or written, in words, with the system's error underneath.
func PlainFileError(err error) error { return plainIOError(err) }

// saveError explains a failed save of name: where it could not be written
// and why, and that the file already there (if any) is untouched.
func saveError(name string, err error) error {
	var fe *fileError
	if errors.As(err, &fe) {
		return err // already explained
	}
	dir := filepath.Dir(name)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EPERM) || errors.Is(err, syscall.EROFS) {
		return &fileError{msg: fmt.Sprintf("%s could not be saved: the folder %s cannot be written (%s). Nothing was changed there; save to another folder.",
			name, dir, plainIOError(err)), err: err}
	}
	return &fileError{msg: fmt.Sprintf("%s could not be saved: %s. Any file already there is unchanged.",
		name, plainIOError(err)), err: err}
}

// fileKind names what a file that is not a regular file or folder is, for
// messages: "a link to another file", "a pipe (FIFO)", "a device", ….
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "a link to another file"
	case m&fs.ModeNamedPipe != 0:
		return "a pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}
