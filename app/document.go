package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/briefsmith/briefsmith/briefing"
)

// maxUndo bounds the undo history; each step is a packet snapshot.
const maxUndo = 200

// burstPause ends a typing burst: keystrokes closer together than this in
// one field are one undo step, as in common editors.
const burstPause = time.Second

// sectionKey names a section for as long as the document is open, wherever
// moves, duplicates and removals put it. The editor, the list highlight
// and every edit refer to a section by key, never by position: a position
// captured before a structural change points at another section after it.
type sectionKey uint64

// state is one moment of the document: the packet, the key of each of its
// sections (parallel to packet.Sections) and the section being edited.
// Undo and redo move whole states, so the selection always comes back with
// the sections it refers to.
type state struct {
	packet   *briefing.Packet
	keys     []sectionKey
	selected sectionKey // 0 when no section is selected
	// version numbers every edit, so undoing back to what was saved
	// clears the unsaved mark.
	version int64
}

// document is the packet being edited with its file name, unsaved state,
// selection and undo history. It holds no widgets, so its rules are tested
// directly.
type document struct {
	state
	path string // "" until saved
	// dirty is set while the packet differs from the file: the state's
	// version is not the saved one (-1 when what is on disk is unknown).
	dirty        bool
	savedVersion int64
	lastVersion  int64
	// disk is what the file at path held when it was opened or last saved,
	// so a save can tell whether someone else changed it since.
	disk *briefing.FileStamp
	// base is the packet as the file held it then (nil when unknown), so
	// a change someone else made to the file is told apart from this
	// window's own unsaved edits.
	base *briefing.Packet

	undo, redo []state
	nextKey    sectionKey

	// burst is the field the current typing burst edits, "" when the next
	// edit starts a new undo step; burstAt is when it was last typed in.
	burst   string
	burstAt time.Time
	now     func() time.Time

	onChange func()
	// imported are warnings about a Word document this packet was made
	// from: what had no place in its sections, for the Problems tab.
	imported briefing.Problems
}

func newDocument(p *briefing.Packet, path string) *document {
	d := &document{path: path, now: time.Now}
	d.packet = p
	if path != "" {
		d.base = p.Clone()
	}
	d.keys = make([]sectionKey, len(p.Sections))
	for i := range d.keys {
		d.keys[i] = d.newKey()
	}
	if len(d.keys) > 0 {
		d.selected = d.keys[0]
	}
	return d
}

func (d *document) newKey() sectionKey {
	d.nextKey++
	return d.nextKey
}

// name is the file name shown in the title bar.
func (d *document) name() string {
	if d.path == "" {
		return "Untitled" + briefing.PacketExt
	}
	return filepath.Base(d.path)
}

// spokenName is how a question names the packet: its file's name, or,
// never saved, its title ("Save changes to “The Water Cycle”?" rather than
// to an Untitled.briefing the user never named).
func (d *document) spokenName() string {
	if d.path == "" && strings.TrimSpace(d.packet.Title) != "" {
		return "“" + strings.TrimSpace(d.packet.Title) + "”"
	}
	return d.name()
}

// indexOf is the position of the section with key k, or -1.
func (d *document) indexOf(k sectionKey) int {
	if k == 0 {
		return -1
	}
	return slices.Index(d.keys, k)
}

// keyAt is the key of the section at position i, or 0.
func (d *document) keyAt(i int) sectionKey {
	if i < 0 || i >= len(d.keys) {
		return 0
	}
	return d.keys[i]
}

// selectedIndex is the position of the section being edited, or -1.
func (d *document) selectedIndex() int { return d.indexOf(d.selected) }

// selectIndex makes the section at i the one being edited (none for -1).
// It is not an edit, but it ends the typing burst: the next keystroke goes
// to another section and must be its own undo step.
func (d *document) selectIndex(i int) {
	d.selected = d.keyAt(i)
	d.burst = ""
}

// change applies fn to the current state as one undoable edit. An edit
// with a non-empty burst key joins the previous undo step when it edits
// the same field within burstPause of the last keystroke.
func (d *document) change(burst string, fn func(s *state)) {
	now := d.now()
	joins := burst != "" && burst == d.burst && now.Sub(d.burstAt) < burstPause
	if !joins {
		d.undo = append(d.undo, d.snapshot())
		if len(d.undo) > maxUndo {
			d.undo = d.undo[len(d.undo)-maxUndo:]
		}
		d.redo = nil
	}
	d.burst, d.burstAt = burst, now
	fn(&d.state)
	d.lastVersion++
	d.version = d.lastVersion
	d.dirty = d.version != d.savedVersion
	d.changed()
}

// snapshot copies the current state for the undo history, sharing the
// logo's bytes: nothing changes them in place (choosing a logo assigns a
// new slice), and 200 steps of an 8 MB logo would otherwise hold 1.6 GB.
func (d *document) snapshot() state {
	p := d.packet.Clone()
	p.Style.Logo = d.packet.Style.Logo
	return state{packet: p, keys: slices.Clone(d.keys), selected: d.selected, version: d.version}
}

func (d *document) changed() {
	if d.onChange != nil {
		d.onChange()
	}
}

func (d *document) canUndo() bool { return len(d.undo) > 0 }
func (d *document) canRedo() bool { return len(d.redo) > 0 }

// undoStep restores the state before the last edit, selecting the section
// that edit concerned.
func (d *document) undoStep() bool { return d.step(&d.undo, &d.redo) }

// redoStep re-applies the last undone edit.
func (d *document) redoStep() bool { return d.step(&d.redo, &d.undo) }

// step moves the current state onto to and takes the newest one off from.
func (d *document) step(from, to *[]state) bool {
	if len(*from) == 0 {
		return false
	}
	*to = append(*to, d.state)
	d.state = (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	d.burst = ""
	d.dirty = d.version != d.savedVersion
	d.changed()
	return true
}

// markSaved records that the file at path now holds the packet in memory,
// as stamp describes it.
func (d *document) markSaved(path string, stamp briefing.FileStamp) {
	d.path = path
	d.disk = &stamp
	d.base = d.packet.Clone()
	d.savedVersion = d.version
	d.dirty = false
	d.burst = ""
	d.changed()
}

// markUnsaved records that the packet is not what its file holds, whatever
// is undone: work restored after a crash, say.
func (d *document) markUnsaved() {
	d.base = nil
	d.savedVersion = -1
	d.dirty = true
}

// Structural edits act on the selection and move it in the same step, so
// nothing is ever shown or edited between the change and the new selection.

// addSection inserts a section made from template id after the selected
// one (at the end when none is selected) and selects it, in one undoable
// step: the user is working at the selection, and a section landing at the
// end of a long packet would be out of sight.
func (d *document) addSection(id string) {
	d.change("", func(s *state) {
		at := len(s.keys)
		if i := d.indexOf(s.selected); i >= 0 {
			at = i + 1
		}
		k := d.newKey()
		s.packet.Sections = slices.Insert(s.packet.Sections, at, briefing.SectionRef{Template: id, Included: true})
		s.keys = slices.Insert(s.keys, at, k)
		s.selected = k
	})
}

// moveSelected moves the selected section by delta places; it stays
// selected.
func (d *document) moveSelected(delta int) {
	i := d.selectedIndex()
	j := i + delta
	if i < 0 || j < 0 || j >= len(d.keys) || j == i {
		return
	}
	d.change("", func(s *state) {
		secs := s.packet.Sections
		secs[i], secs[j] = secs[j], secs[i]
		s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
	})
}

// duplicateSelected inserts a copy of the selected section after it and
// selects the copy.
func (d *document) duplicateSelected() {
	i := d.selectedIndex()
	if i < 0 {
		return
	}
	d.change("", func(s *state) {
		c := s.packet.Clone().Sections[i]
		c.Line = 0
		k := d.newKey()
		s.packet.Sections = slices.Insert(s.packet.Sections, i+1, c)
		s.keys = slices.Insert(s.keys, i+1, k)
		s.selected = k
	})
}

// removeSelected removes the selected section and selects the one that
// took its place (or the new last one).
func (d *document) removeSelected() {
	i := d.selectedIndex()
	if i < 0 {
		return
	}
	d.change("", func(s *state) {
		s.packet.Sections = slices.Delete(s.packet.Sections, i, i+1)
		s.keys = slices.Delete(s.keys, i, i+1)
		s.selected = 0
		if n := len(s.keys); n > 0 {
			s.selected = s.keys[min(i, n-1)]
		}
	})
}

// Field edits name their section by key and change nothing if it is gone.

// section returns the section with key k, or nil.
func (d *document) section(k sectionKey) *briefing.SectionRef {
	if i := d.indexOf(k); i >= 0 {
		return &d.packet.Sections[i]
	}
	return nil
}

// edit changes the section with key k as one undoable edit.
func (d *document) edit(k sectionKey, burst string, fn func(sec *briefing.SectionRef)) {
	i := d.indexOf(k)
	if i < 0 {
		return
	}
	d.change(burst, func(s *state) { fn(&s.packet.Sections[i]) })
}

func (d *document) setIncluded(k sectionKey, on bool) {
	if sec := d.section(k); sec == nil || sec.Included == on {
		return
	}
	d.edit(k, "", func(sec *briefing.SectionRef) { sec.Included = on })
}

func (d *document) setSectionTitle(k sectionKey, title string) {
	sec := d.section(k)
	if sec == nil || sec.Title == title {
		return
	}
	old := sec.Title
	d.edit(k, burstKey("title", k), func(sec *briefing.SectionRef) { sec.Title = title })
	d.endBurstAtNewLine(old, title)
}

// setSectionLanguage sets the language of the section with key k, ""
// for the packet's.
func (d *document) setSectionLanguage(k sectionKey, tag string) {
	sec := d.section(k)
	if sec == nil || sec.Language == tag {
		return
	}
	d.edit(k, burstKey("language", k), func(sec *briefing.SectionRef) { sec.Language = tag })
}

// setBody overrides the body of the section with key k with text; shown
// is the text the editor held before, which a newline ends a burst after.
func (d *document) setBody(k sectionKey, shown, text string) {
	sec := d.section(k)
	if sec == nil || (sec.Body != nil && *sec.Body == text) {
		return
	}
	d.edit(k, burstKey("body", k), func(sec *briefing.SectionRef) { sec.Body = &text })
	d.endBurstAtNewLine(shown, text)
}

// endBurstAtNewLine ends the typing burst when the edit started a new
// line, so one undo takes back a line at a time, not a whole answer.
func (d *document) endBurstAtNewLine(before, after string) {
	if strings.Count(after, "\n") > strings.Count(before, "\n") {
		d.burst = ""
	}
}

// replaceTexts sets the bodies (template source) and titles of the
// sections at the indexes given, as one edit: a Replace All is taken
// back by one undo.
func (d *document) replaceTexts(bodies, titles map[int]string) {
	d.change("", func(s *state) {
		for i, b := range bodies {
			s.packet.Sections[i].Body = &b
		}
		for i, t := range titles {
			s.packet.Sections[i].Title = t
		}
	})
}

// applyWordEdits makes the changes brought back from Word, as one undo
// step; sections keep their keys, added ones get new keys, and the
// selection goes with its section (none when it was removed).
func (d *document) applyWordEdits(edits []briefing.WordEdit) {
	d.change("", func(s *state) {
		from := briefing.ApplyWordEdits(s.packet, edits)
		keys := make([]sectionKey, len(from))
		selected := sectionKey(0)
		for k, i := range from {
			if i < 0 {
				keys[k] = d.newKey()
				continue
			}
			keys[k] = s.keys[i]
			if keys[k] == s.selected {
				selected = keys[k]
			}
		}
		s.keys, s.selected = keys, selected
	})
}

// addField declares a field of the packet's own, with its value.
func (d *document) addField(v briefing.Variable, value string) {
	d.change("", func(s *state) {
		s.packet.Fields = append(s.packet.Fields, v)
		if value != "" {
			if s.packet.Variables == nil {
				s.packet.Variables = map[string]string{}
			}
			s.packet.Variables[v.Name] = value
		}
	})
}

// setField changes the packet's field i (its label or mark).
func (d *document) setField(i int, fn func(v *briefing.Variable)) {
	if i < 0 || i >= len(d.packet.Fields) {
		return
	}
	v := d.packet.Fields[i]
	fn(&v)
	if v == d.packet.Fields[i] {
		return
	}
	d.change("", func(s *state) { s.packet.Fields[i] = v })
}

// removeField deletes the packet's field i and its value.
func (d *document) removeField(i int) {
	if i < 0 || i >= len(d.packet.Fields) {
		return
	}
	d.change("", func(s *state) {
		delete(s.packet.Variables, s.packet.Fields[i].Name)
		s.packet.Fields = slices.Delete(s.packet.Fields, i, i+1)
	})
}

// resetBody drops the override of the section with key k so it follows its
// template again.
func (d *document) resetBody(k sectionKey) {
	if sec := d.section(k); sec == nil || sec.Body == nil {
		return
	}
	d.edit(k, "", func(sec *briefing.SectionRef) { sec.Body = nil })
}

func (d *document) setVariable(name, value string) {
	if d.packet.Variables[name] == value {
		return
	}
	d.change("var:"+name, func(s *state) {
		if value == "" {
			delete(s.packet.Variables, name)
		} else {
			s.packet.Variables[name] = value
		}
	})
}

// setText changes a packet setting typed into a field: keystrokes in one
// field make one undo step per burst.
func (d *document) setText(field string, fn func(p *briefing.Packet)) {
	d.change("set:"+field, func(s *state) { fn(s.packet) })
}

// setChoice changes a packet setting picked from a control (a checkbox, a
// list): every pick is its own undo step.
func (d *document) setChoice(fn func(p *briefing.Packet)) {
	d.change("", func(s *state) { fn(s.packet) })
}

func burstKey(field string, k sectionKey) string { return fmt.Sprintf("%s:%d", field, k) }
