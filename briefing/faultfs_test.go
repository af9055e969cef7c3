package briefing

import (
	"errors"
	"os"

	"github.com/spf13/afero"
)

// faultFs fails one kind of operation, so tests can show a save that dies
// at any step leaves the previous file intact and no temporary file behind.
type faultFs struct {
	afero.Fs
	failOn string // "create", "write", "sync", "close", "chmod" or "rename"
}

var errInjected = errors.New("injected fault")

func (f faultFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if f.failOn == "create" && flag&os.O_CREATE != 0 {
		return nil, errInjected
	}
	file, err := f.Fs.OpenFile(name, flag, perm)
	if err != nil {
		return nil, err
	}
	return faultFile{File: file, failOn: f.failOn}, nil
}

func (f faultFs) Chmod(name string, mode os.FileMode) error {
	if f.failOn == "chmod" {
		return errInjected
	}
	return f.Fs.Chmod(name, mode)
}

func (f faultFs) Rename(oldname, newname string) error {
	if f.failOn == "rename" {
		return errInjected
	}
	return f.Fs.Rename(oldname, newname)
}

type faultFile struct {
	afero.File
	failOn string
}

func (f faultFile) Write(p []byte) (int, error) {
	if f.failOn == "write" {
		// Write half, as a full disk would, before failing.
		n, _ := f.File.Write(p[:len(p)/2])
		return n, errInjected
	}
	return f.File.Write(p)
}

func (f faultFile) Sync() error {
	if f.failOn == "sync" {
		return errInjected
	}
	return f.File.Sync()
}

func (f faultFile) Close() error {
	if f.failOn == "close" {
		_ = f.File.Close()
		return errInjected
	}
	return f.File.Close()
}
