package briefing

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/afero"
)

// Owner is the running copy of Briefsmith that autosaves a recovery file.
// Several copies may run at once, each with its own file; one never offers
// or deletes another's while that one is alive. Started tells a process
// apart from a later one that reuses its ID.
type Owner struct {
	PID     int    `json:"pid"`
	Started string `json:"started,omitempty"`
}

// Recovery is an autosaved copy of a packet with unsaved changes, kept so
// that a crash never costs the user their work.
type Recovery struct {
	// Path is the file the packet was opened from, "" if never saved.
	Path  string    `json:"path"`
	Saved time.Time `json:"saved"`
	Owner Owner     `json:"owner"`
	// Disk is what the file at Path held when the work began (opened or
	// last saved), so a save after restoring still notices someone else's
	// change and does not mistake its own file for one.
	Disk *FileStamp `json:"disk,omitempty"`
	// Packet is the packet as it was when autosaved.
	Packet *Packet `json:"packet"`
	// File is where the recovery was read from; empty when saving.
	File string `json:"-"`
}

// legacyRecoveryFile is the one recovery file of versions before owners;
// it belongs to nobody alive and is offered like an orphan.
const legacyRecoveryFile = "recovery.json"

// RecoveryFileFor is the name of owner's recovery file in the data folder.
func RecoveryFileFor(o Owner) string { return fmt.Sprintf("recovery-%d.json", o.PID) }

// SaveRecovery writes r atomically to its owner's file in dir.
func SaveRecovery(fsys afero.Fs, dir string, r Recovery) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(r); err != nil {
		return fmt.Errorf("autosave: %w", err)
	}
	return WriteFileAtomic(fsys, filepath.Join(dir, RecoveryFileFor(r.Owner)), buf.Bytes())
}

// OrphanedRecoveries lists the recovery files in dir whose owner is no
// longer running (alive says), newest first: the work a crash left behind.
// A damaged file is reported in errs and left in place.
func OrphanedRecoveries(fsys afero.Fs, dir string, alive func(Owner) bool) (out []Recovery, errs []error) {
	entries, err := afero.ReadDir(fsys, dir)
	if err != nil {
		return nil, nil // no data folder yet: nothing to recover
	}
	for _, e := range entries {
		name := e.Name()
		if !e.Mode().IsRegular() || !isRecoveryName(name) {
			continue
		}
		r, err := loadRecovery(fsys, filepath.Join(dir, name))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if name != legacyRecoveryFile && alive(r.Owner) {
			continue
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Saved.After(out[j].Saved) })
	return out, errs
}

func isRecoveryName(name string) bool {
	if name == legacyRecoveryFile {
		return true
	}
	n, ok := strings.CutPrefix(name, "recovery-")
	if !ok {
		return false
	}
	if n, ok = strings.CutSuffix(n, ".json"); !ok {
		return false
	}
	_, err := strconv.Atoi(n)
	return err == nil
}

func loadRecovery(fsys afero.Fs, name string) (Recovery, error) {
	data, _, err := readSmallFile(fsys, name, maxPacketSize+1<<20, "recovery")
	if err != nil {
		return Recovery{}, fmt.Errorf("recovery file %s: %w", name, err)
	}
	var raw struct {
		Path   string          `json:"path"`
		Saved  time.Time       `json:"saved"`
		Owner  Owner           `json:"owner"`
		Disk   *FileStamp      `json:"disk"`
		Packet json.RawMessage `json:"packet"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return Recovery{}, fmt.Errorf("recovery file %s is damaged and was kept as it is", name)
	}
	p, err := DecodePacket(name, raw.Packet)
	if err != nil {
		return Recovery{}, err
	}
	return Recovery{Path: raw.Path, Saved: raw.Saved, Owner: raw.Owner, Disk: raw.Disk, Packet: p, File: name}, nil
}

// RemoveRecovery deletes the recovery file at name once its work is saved,
// restored into another file or deliberately discarded.
func RemoveRecovery(fsys afero.Fs, name string) error {
	err := fsys.Remove(name)
	if err != nil && errors.Is(err, os.ErrNotExist) {
		return nil
	}
	return err
}

// ProcessOwner describes the running process pid, reading its start time
// from /proc where the system has one.
func ProcessOwner(fsys afero.Fs, pid int) Owner {
	return Owner{PID: pid, Started: processStart(fsys, pid)}
}

// Alive reports whether o is still running: a process with its ID exists
// and, where start times are known, started when o did.
func (o Owner) Alive(fsys afero.Fs) bool {
	if o.PID <= 0 {
		return false
	}
	if started, state := procStat(fsys, o.PID); started != "" {
		// A killed process stays a zombie until its parent collects it:
		// it holds its ID and start time, but it will never save again.
		return state != "Z" && state != "X" && (o.Started == "" || started == o.Started)
	}
	return processExists(o.PID)
}

// processStart is when pid started, from /proc, or "" where unknown.
func processStart(fsys afero.Fs, pid int) string {
	started, _ := procStat(fsys, pid)
	return started
}

// procStat reads fields 3 (state) and 22 (start time in clock ticks since
// boot) of /proc/PID/stat; both are "" where there is no such file.
func procStat(fsys afero.Fs, pid int) (started, state string) {
	data, err := afero.ReadFile(fsys, fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return "", ""
	}
	// The command name (field 2) may hold spaces; fields after it are
	// counted from its closing parenthesis.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return "", ""
	}
	fields := strings.Fields(string(data[i+1:]))
	if len(fields) < 20 {
		return "", ""
	}
	return fields[19], fields[0]
}
