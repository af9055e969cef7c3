package briefing

import (
	"errors"
	"fmt"
	"os"
	"runtime"
)

// readOnlyBlocksReplace says whether a save refuses to replace a file
// marked read-only. Windows does (renaming over such a file is denied);
// elsewhere a read-only file in a writable folder is replaced, as every
// program that saves by renaming does. A variable, so tests can play
// Windows.
var readOnlyBlocksReplace = runtime.GOOS == "windows"

var errReadOnly = errors.New("the file is read-only")

// errThroughFile is a path whose folder is a file: ENOTDIR on Linux, but
// "path not found" on Windows, where syscall.ENOTDIR is that error.
var errThroughFile = errors.New("part of its path is a file, not a folder")

// replaceableError refuses, before anything is written, to replace the
// file at name (described by info) where the system would refuse the
// rename at the end: a read-only file on Windows.
func replaceableError(name string, info os.FileInfo) error {
	if !readOnlyBlocksReplace || !info.Mode().IsRegular() || info.Mode().Perm()&0o200 != 0 {
		return nil
	}
	return &fileError{err: errReadOnly, msg: fmt.Sprintf(
		"%s could not be saved: the file there is read-only. It was left as it was; clear Read-only in its Properties, or choose another name.", name)}
}
