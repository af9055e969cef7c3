package briefing

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"syscall"

	"github.com/spf13/afero"
)

// readSmallFile reads the regular file name, refusing one over limit
// bytes; what names the kind of file for messages ("packet", "template").
// Files arrive from strangers: a name may be a FIFO that never answers, a
// link to /dev/zero, or a device. The file is opened without blocking and
// judged by what was opened, not by what the name pointed at a moment
// before, and read through a limit, so none of those can hang or fill
// memory.
func readSmallFile(fsys afero.Fs, name string, limit int64, what string) ([]byte, os.FileInfo, error) {
	base := filepath.Base(name)
	f, err := fsys.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("%s cannot be opened: %w", base, plainIOError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("%s cannot be read: %w", base, plainIOError(err))
	}
	switch {
	case info.IsDir():
		return nil, nil, fmt.Errorf("%s is a folder, not a %s file", base, what)
	case !info.Mode().IsRegular():
		return nil, nil, fmt.Errorf("%s is not a regular file (it is a device, pipe or socket), so it was not read", base)
	}
	// A regular file's size is known before reading: one over the limit is
	// refused without a byte of it in memory. The limited read stays for a
	// file that grows while it is read.
	if info.Size() > limit {
		return nil, nil, tooLarge(name, what, limit)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s cannot be read: %w", base, plainIOError(err))
	}
	if int64(len(data)) > limit {
		return nil, nil, tooLarge(name, what, limit)
	}
	return data, info, nil
}

func tooLarge(name, what string, limit int64) error {
	return Problem{Severity: Error, Section: -1, File: name, Message: fmt.Sprintf("%s is larger than the %s limit", what, sizeText(limit))}
}

// sizeText says a byte count the way a person would ("1 MB", "64 MB").
func sizeText(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d byte", n)
}
