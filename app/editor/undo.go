package editor

import (
	"slices"

	"github.com/briefsmith/briefsmith/sectiontext"
)

// state is the text and selection at one moment. The blocks it holds are
// never changed again: a change copies a block first (Editor.mut).
type state struct {
	blocks []*block
	// notes are never changed in place either: a change makes a new
	// slice, so a note edited and its number deleted come back together.
	notes          []sectiontext.Footnote
	anchor, cursor pos
}

// history is the undo and redo stacks. burst is set while typing goes on
// in one place, so a burst of typing is one step.
type history struct {
	undo, redo []state
	burst      bool
	// open is set from begin's new step until the change is done
	// (settle); redoBefore is the redo stack begin cleared, given back
	// when the change turns out to have changed nothing.
	open       bool
	redoBefore []state
}

// maxUndo bounds the history; each step holds only a slice of pointers
// and the blocks that changed.
const maxUndo = 500

func (e *Editor) state() state {
	return state{blocks: slices.Clone(e.blocks), notes: e.notes, anchor: e.anchor, cursor: e.cursor}
}

// begin starts an undoable change; typing continues the step a burst of
// typing began.
func (e *Editor) begin(typing bool) {
	if typing && e.hist.burst {
		return
	}
	e.hist.undo = append(e.hist.undo, e.state())
	if len(e.hist.undo) > maxUndo {
		e.hist.undo = slices.Delete(e.hist.undo, 0, 1)
	}
	e.hist.redoBefore, e.hist.redo = e.hist.redo, nil
	e.hist.open = true
	e.hist.burst = typing
	e.gen++
}

// settle ends the step begin opened. A step that changed nothing (Tab
// on an item that cannot nest further, Backspace at the very start) is
// dropped and the redo stack given back: it left an Undo that did
// nothing to see, and took away Redo.
func (e *Editor) settle() {
	h := &e.hist
	if !h.open {
		return
	}
	h.open = false
	top := h.undo[len(h.undo)-1]
	if slices.Equal(top.blocks, e.blocks) && sameNotes(top.notes, e.notes) {
		h.undo = h.undo[:len(h.undo)-1]
		h.redo = h.redoBefore
		h.burst = false
	}
	h.redoBefore = nil
}

// endBurst makes the next typing a new undo step.
func (e *Editor) endBurst() { e.hist.burst = false }

// Undo takes back the latest change and restores the selection from
// before it.
func (e *Editor) Undo() { e.step(&e.hist.undo, &e.hist.redo) }

// Redo makes the change Undo took back again.
func (e *Editor) Redo() { e.step(&e.hist.redo, &e.hist.undo) }

// CanUndo reports whether there is a change to take back.
func (e *Editor) CanUndo() bool { return len(e.hist.undo) > 0 }

// CanRedo reports whether there is an undone change to make again.
func (e *Editor) CanRedo() bool { return len(e.hist.redo) > 0 }

func (e *Editor) step(from, to *[]state) {
	if len(*from) == 0 || e.readOnly {
		return
	}
	*to = append(*to, e.state())
	st := (*from)[len(*from)-1]
	*from = (*from)[:len(*from)-1]
	e.blocks = slices.Clone(st.blocks)
	e.notes = st.notes
	e.anchor, e.cursor = st.anchor, st.cursor
	e.hist.burst, e.typing, e.goalX = false, nil, -1
	e.gen++
	e.changed()
}
