package layout

import "fmt"

// MaxPages caps a document: a packet of a few kilobytes (every section
// under its own limit) could otherwise ask for ten thousand pages and
// minutes of work. A brief is a few pages; a thick handbook a few hundred.
const MaxPages = 2000

// ErrTooManyPages stops a layout that passes MaxPages.
var ErrTooManyPages = fmt.Errorf("the document would be longer than %d pages, the limit for one export; split the packet or leave sections out", MaxPages)

// tooManyPages is what a layout deep in a block panics with to stop.
type tooManyPages struct{}

// flow is the page being filled: its text area, how far down it is, and
// the surface it is drawn on. It knows nothing of the document; layout
// gives it the page furniture to draw as hooks.
type flow struct {
	out                      Surface
	pageW, pageH             float64
	left, right, top, bottom float64
	y                        float64
	page                     int
	// floor is the text area's foot on an empty page; bottom rises from
	// it by the footnotes the page holds.
	floor float64
	// refs are the footnotes referred to by lines drawn since layout
	// last placed notes.
	refs []int
	// finish draws a full page's footer; start draws a new page's header.
	finish, start func()
	// inArtifact is set while drawing text that is an artifact (a
	// table's header rows repeated on a later page): its links are drawn
	// but are neither Link elements nor clickable, since an element may
	// not open inside an artifact and an annotation must belong to one.
	inArtifact bool
}

// newPage finishes the current page with its footer and starts the next
// with its header.
func (f *flow) newPage() {
	if f.page >= MaxPages {
		// Layout is deep in a block; stopping it is a panic that
		// the entry points turn back into ErrTooManyPages.
		panic(tooManyPages{})
	}
	if f.page > 0 {
		f.finish()
	}
	f.out.AddPage()
	f.page++
	f.bottom = f.floor
	f.y = f.top
	f.start()
}

// need starts a new page unless h more points fit on this one.
func (f *flow) need(h float64) {
	if f.y+h > f.bottom {
		f.newPage()
	}
}

// drawLine prints ln with its left edge at x and its top at y, in a line
// box of height lh; align is "L", "C" or "R" within width. Link runs are
// Link elements, their underline decoration.
func (f *flow) drawLine(ln textLine, x, y, lh, width float64, align string) {
	switch align {
	case "C":
		x += (width - ln.w) / 2
	case "R":
		x += width - ln.w
	}
	for _, r := range ln.runs {
		// Baseline: centre the em box in the line box, then drop by the
		// ascent (about 0.8 em for these faces).
		base := y + (lh-r.st.size)/2 + r.st.size*0.8 - r.st.rise
		if r.st.note > 0 {
			f.refs = append(f.refs, r.st.note)
		}
		// A passage in another language is a Span saying so, one per
		// line it is drawn on.
		span := r.st.lang != "" && !f.inArtifact
		if span {
			f.out.BeginElement(ElemSpan, Attrs{Lang: r.st.lang})
		}
		switch {
		case f.inArtifact && r.st.link != "":
			f.out.Text(r.st, x+r.x, base, r.text, !r.joined)
			f.out.Line(x+r.x, base+1.5, x+r.x+r.w, base+1.5, 0.5, r.st.color, false)
		case f.inArtifact:
			f.out.Text(r.st, x+r.x, base, r.text, !r.joined)
		case r.st.link != "":
			f.out.BeginElement(ElemLink, Attrs{URL: r.st.link})
			f.out.Text(r.st, x+r.x, base, r.text, !r.joined)
			f.out.BeginArtifact(ArtifactDecoration)
			f.out.Line(x+r.x, base+1.5, x+r.x+r.w, base+1.5, 0.5, r.st.color, false)
			f.out.EndArtifact()
			f.out.LinkURL(x+r.x, y, r.w, lh, r.st.link)
			f.out.EndElement()
		case r.st.internal > 0:
			f.out.BeginElement(ElemLink, Attrs{Target: r.st.internal})
			f.out.Text(r.st, x+r.x, base, r.text, !r.joined)
			f.out.LinkTo(x+r.x, y, r.w, lh, r.st.internal)
			f.out.EndElement()
		default:
			f.out.Text(r.st, x+r.x, base, r.text, !r.joined)
		}
		if span {
			f.out.EndElement()
		}
	}
}

// decorate draws with draw as decoration: shading, rules and bars that
// carry no text.
func (f *flow) decorate(draw func()) {
	f.out.BeginArtifact(ArtifactDecoration)
	draw()
	f.out.EndArtifact()
}
