package briefing

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/afero"
)

// LoadPacket reads the packet at name on fsys.
func LoadPacket(fsys afero.Fs, name string) (*Packet, error) {
	p, _, err := OpenPacket(fsys, name)
	return p, err
}

// SavePacket writes p to name atomically: a reader, or a crash part way
// through, sees either the old file or the new one, never a mixture.
func SavePacket(fsys afero.Fs, name string, p *Packet) error {
	var buf bytes.Buffer
	if err := WritePacket(&buf, p); err != nil {
		return fmt.Errorf("save %s: %w", name, err)
	}
	return WriteFileAtomic(fsys, name, buf.Bytes())
}

// FileStamp says what a file held at one moment: enough to notice that
// someone else (another window, another program, a sync client) has
// written it since, without keeping its content.
type FileStamp struct {
	Size    int64             `json:"size"`
	ModTime time.Time         `json:"modified"`
	Sum     [sha256.Size]byte `json:"sha256"`
}

// stampOf describes data as read from or written to a file with info.
func stampOf(data []byte, info os.FileInfo) FileStamp {
	return FileStamp{Size: info.Size(), ModTime: info.ModTime(), Sum: sha256.Sum256(data)}
}

// ErrChangedOnDisk reports that a file is no longer what this program last
// read or wrote there.
var ErrChangedOnDisk = errors.New("the file was changed by someone else since it was opened")

// OpenPacket reads the packet at name and stamps the bytes it was read
// from, for CheckUnchanged before a later save.
func OpenPacket(fsys afero.Fs, name string) (*Packet, FileStamp, error) {
	data, info, err := readSmallFile(fsys, name, maxPacketSize, "packet")
	if err != nil {
		return nil, FileStamp{}, err
	}
	p, err := DecodePacket(name, data)
	if err != nil {
		return nil, FileStamp{}, err
	}
	return p, stampOf(data, info), nil
}

// CheckUnchanged returns nil when the file at name is still what want
// describes, or, with want nil, when there is no file there; otherwise it
// returns an error wrapping ErrChangedOnDisk. A different size settles it
// at once; otherwise the content hash does, so a file touched but not
// changed is not reported.
func CheckUnchanged(fsys afero.Fs, name string, want *FileStamp) error {
	info, err := fsys.Stat(name)
	if err != nil {
		if os.IsNotExist(err) {
			return nil // nothing there to overwrite
		}
		return fmt.Errorf("%s: %w", filepath.Base(name), plainIOError(err))
	}
	// The hash is read even when size and time agree: file systems with
	// coarse timestamps (FAT, network shares) let two saves in the same
	// second look alike.
	if want != nil && info.Size() == want.Size {
		data, err := afero.ReadFile(fsys, name)
		if err == nil && sha256.Sum256(data) == want.Sum {
			return nil
		}
	}
	return fmt.Errorf("%s: %w", filepath.Base(name), ErrChangedOnDisk)
}

// SavePacketStamped saves p as SavePacket does and returns the stamp of
// what it wrote.
func SavePacketStamped(fsys afero.Fs, name string, p *Packet) (FileStamp, error) {
	var buf bytes.Buffer
	if err := WritePacket(&buf, p); err != nil {
		return FileStamp{}, fmt.Errorf("save %s: %w", name, err)
	}
	if err := WriteFileAtomic(fsys, name, buf.Bytes()); err != nil {
		return FileStamp{}, err
	}
	info, err := fsys.Stat(name)
	if err != nil {
		return FileStamp{}, fmt.Errorf("save %s: %w", name, plainIOError(err))
	}
	return stampOf(buf.Bytes(), info), nil
}
