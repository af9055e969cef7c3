package briefing

import (
	"bytes"
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/afero"
)

// Recovery is an autosaved copy of a packet with unsaved changes, kept so
// that a crash never costs the user their work.
type Recovery struct {
	// Path is the file the packet was opened from, "" if never saved.
	Path  string    `json:"path"`
	Saved time.Time `json:"saved"`
	// Packet is the packet as it was when autosaved.
	Packet *Packet `json:"packet"`
}

// RecoveryFile is the autosave file's name inside the app's data folder.
const RecoveryFile = "recovery.json"

// SaveRecovery writes r atomically to dir/RecoveryFile.
func SaveRecovery(fsys afero.Fs, dir string, r Recovery) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	return WriteFileAtomic(fsys, filepath.Join(dir, RecoveryFile), buf.Bytes())
}

// LoadRecovery reads the autosave file in dir. ok is false when there is
// none; a damaged one is an error, so the caller can say so rather than
// silently dropping it.
func LoadRecovery(fsys afero.Fs, dir string) (r Recovery, ok bool, err error) {
	name := filepath.Join(dir, RecoveryFile)
	data, err := afero.ReadFile(fsys, name)
	if err != nil {
		if exists, _ := afero.Exists(fsys, name); !exists {
			return r, false, nil
		}
		return r, false, fmt.Errorf("recovery file %s: %w", name, err)
	}
	var raw struct {
		Path   string          `json:"path"`
		Saved  time.Time       `json:"saved"`
		Packet json.RawMessage `json:"packet"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return r, false, fmt.Errorf("recovery file %s: %w", name, err)
	}
	p, err := DecodePacket(name, raw.Packet)
	if err != nil {
		return r, false, err
	}
	return Recovery{Path: raw.Path, Saved: raw.Saved, Packet: p}, true, nil
}

// ClearRecovery removes the autosave file once its changes are saved or
// deliberately discarded.
func ClearRecovery(fsys afero.Fs, dir string) error {
	err := fsys.Remove(filepath.Join(dir, RecoveryFile))
	if err != nil {
		if exists, _ := afero.Exists(fsys, filepath.Join(dir, RecoveryFile)); !exists {
			return nil
		}
	}
	return err
}
