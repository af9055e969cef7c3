package briefing

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/afero"
)

// LoadPacket reads the packet at name on fsys.
func LoadPacket(fsys afero.Fs, name string) (*Packet, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Errorf("open packet: %w", err)
	}
	defer f.Close()
	return ReadPacket(name, f)
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

// WriteFileAtomic writes data to a temporary file beside name, flushes it
// to disk and renames it over name. On any failure the temporary file is
// removed and name is left as it was.
func WriteFileAtomic(fsys afero.Fs, name string, data []byte) (err error) {
	dir := filepath.Dir(name)
	if err := fsys.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("save %s: %w", name, err)
	}
	tmp, err := afero.TempFile(fsys, dir, "."+filepath.Base(name)+"-*.tmp")
	if err != nil {
		return fmt.Errorf("save %s: %w", name, err)
	}
	tmpName := tmp.Name()
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = fsys.Remove(tmpName)
			err = fmt.Errorf("save %s: %w", name, err)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	// TempFile creates 0600; a saved document should be as readable as
	// any other file the user writes.
	if err = fsys.Chmod(tmpName, 0o644); err != nil && !os.IsPermission(err) {
		return err
	}
	return fsys.Rename(tmpName, name)
}
