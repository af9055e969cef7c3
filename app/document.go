package app

import (
	"fmt"
	"path/filepath"

	"github.com/briefsmith/briefsmith/briefing"
)

// maxUndo bounds the undo history; each step is a packet snapshot.
const maxUndo = 200

// document is the packet being edited with its file name, unsaved state
// and undo history. It holds no widgets, so its rules are tested directly.
type document struct {
	packet *briefing.Packet
	path   string // "" until saved
	dirty  bool

	undo, redo []*briefing.Packet
	// lastKey coalesces a burst of edits to one field (typing in a body)
	// into one undo step.
	lastKey string

	onChange func()
}

func newDocument(p *briefing.Packet, path string) *document {
	return &document{packet: p, path: path}
}

// name is the file name shown in the title bar.
func (d *document) name() string {
	if d.path == "" {
		return "Untitled" + briefing.PacketExt
	}
	return filepath.Base(d.path)
}

// change applies fn as one undoable edit. Consecutive edits with the same
// non-empty key share one undo step.
func (d *document) change(key string, fn func(p *briefing.Packet)) {
	if key == "" || key != d.lastKey {
		d.undo = append(d.undo, d.snapshot())
		if len(d.undo) > maxUndo {
			d.undo = d.undo[len(d.undo)-maxUndo:]
		}
		d.redo = nil
	}
	d.lastKey = key
	fn(d.packet)
	d.dirty = true
	d.changed()
}

// snapshot copies the packet for the undo history, sharing the logo's
// bytes: nothing changes them in place (choosing a logo assigns a new
// slice), and 200 steps of an 8 MB logo would otherwise hold 1.6 GB.
func (d *document) snapshot() *briefing.Packet {
	s := d.packet.Clone()
	s.Style.Logo = d.packet.Style.Logo
	return s
}

func (d *document) changed() {
	if d.onChange != nil {
		d.onChange()
	}
}

func (d *document) canUndo() bool { return len(d.undo) > 0 }
func (d *document) canRedo() bool { return len(d.redo) > 0 }

// undoStep restores the packet before the last edit.
func (d *document) undoStep() bool { return d.step(&d.undo, &d.redo) }

// redoStep re-applies the last undone edit.
func (d *document) redoStep() bool { return d.step(&d.redo, &d.undo) }

// step moves the current packet onto to and takes the newest one off from.
func (d *document) step(from, to *[]*briefing.Packet) bool {
	if len(*from) == 0 {
		return false
	}
	*to = append(*to, d.packet)
	d.packet = (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	d.lastKey = ""
	d.dirty = true
	d.changed()
	return true
}

// markSaved records that the packet on disk now matches the one in memory.
func (d *document) markSaved(path string) {
	d.path = path
	d.dirty = false
	d.lastKey = ""
	d.changed()
}

// Section edits. Indices are positions in packet.Sections.

func (d *document) addSection(id string) int {
	d.change("", func(p *briefing.Packet) {
		p.Sections = append(p.Sections, briefing.SectionRef{Template: id, Included: true})
	})
	return len(d.packet.Sections) - 1
}

// moveSection moves section i by delta places and returns its new index.
func (d *document) moveSection(i, delta int) int {
	j := i + delta
	if i < 0 || j < 0 || i >= len(d.packet.Sections) || j >= len(d.packet.Sections) {
		return i
	}
	d.change("", func(p *briefing.Packet) {
		p.Sections[i], p.Sections[j] = p.Sections[j], p.Sections[i]
	})
	return j
}

func (d *document) duplicateSection(i int) int {
	if i < 0 || i >= len(d.packet.Sections) {
		return i
	}
	d.change("", func(p *briefing.Packet) {
		c := p.Clone().Sections[i]
		c.Line = 0
		p.Sections = append(p.Sections[:i+1], append([]briefing.SectionRef{c}, p.Sections[i+1:]...)...)
	})
	return i + 1
}

func (d *document) removeSection(i int) {
	if i < 0 || i >= len(d.packet.Sections) {
		return
	}
	d.change("", func(p *briefing.Packet) {
		p.Sections = append(p.Sections[:i], p.Sections[i+1:]...)
	})
}

func (d *document) setIncluded(i int, on bool) {
	if i < 0 || i >= len(d.packet.Sections) || d.packet.Sections[i].Included == on {
		return
	}
	d.change("", func(p *briefing.Packet) { p.Sections[i].Included = on })
}

func (d *document) setSectionTitle(i int, title string) {
	if i < 0 || i >= len(d.packet.Sections) || d.packet.Sections[i].Title == title {
		return
	}
	d.change(key("title", i), func(p *briefing.Packet) { p.Sections[i].Title = title })
}

// setBody overrides section i's body with text.
func (d *document) setBody(i int, text string) {
	if i < 0 || i >= len(d.packet.Sections) {
		return
	}
	if b := d.packet.Sections[i].Body; b != nil && *b == text {
		return
	}
	d.change(key("body", i), func(p *briefing.Packet) { p.Sections[i].Body = &text })
}

// resetBody drops section i's override so it follows its template again.
func (d *document) resetBody(i int) {
	if i < 0 || i >= len(d.packet.Sections) || d.packet.Sections[i].Body == nil {
		return
	}
	d.change("", func(p *briefing.Packet) { p.Sections[i].Body = nil })
}

func (d *document) setVariable(name, value string) {
	if d.packet.Variables[name] == value {
		return
	}
	d.change("var:"+name, func(p *briefing.Packet) {
		if value == "" {
			delete(p.Variables, name)
		} else {
			p.Variables[name] = value
		}
	})
}

// setText changes a packet setting typed into a field: keystrokes in one
// field make one undo step.
func (d *document) setText(field string, fn func(p *briefing.Packet)) {
	d.change("set:"+field, fn)
}

// setChoice changes a packet setting picked from a control (a checkbox, a
// list): every pick is its own undo step.
func (d *document) setChoice(fn func(p *briefing.Packet)) {
	d.change("", fn)
}

func key(kind string, i int) string { return fmt.Sprintf("%s:%d", kind, i) }
