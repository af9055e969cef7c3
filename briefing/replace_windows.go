package briefing

import (
	"errors"
	"fmt"
	"syscall"
)

// Windows errors a rename over an existing file meets when another
// program has the file open, or it is read-only.
const (
	errorAccessDenied     = syscall.Errno(5)
	errorSharingViolation = syscall.Errno(32)
	errorLockViolation    = syscall.Errno(33)
)

// renameError explains a failed rename of a finished save over name. The
// temporary file beside it was made and written, so the folder is
// writable: on Windows a denied rename means the file there is open in
// another program (a PDF viewer or Word keeps the file it shows open, and
// Windows does not let it be replaced), or read-only.
func renameError(name string, err error) error {
	if errors.Is(err, errorAccessDenied) || errors.Is(err, errorSharingViolation) || errors.Is(err, errorLockViolation) {
		return &fileError{err: err, msg: fmt.Sprintf(
			"%s could not be saved: another program has the file open (a PDF viewer or Word keeps the file it shows open, and Windows does not let it be replaced then), or it is read-only. It was left as it was; close it there and save again, or choose another name.", name)}
	}
	return saveError(name, err)
}
