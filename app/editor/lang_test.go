package editor

import (
	"testing"
)

// A passage in another language is text the user sees and writes on:
// held as one object, it printed but the editor showed a gap where its
// words were (a trial: "its French text calls it the [5]").
func TestAPassageInAnotherLanguageIsShownAndEdited(t *testing.T) {
	src := "They greeted us with [bonjour]{lang=fr} warmly.\n"
	e, _ := open(t, src)
	drawnText(t, e, "bonjour")
	if got := md(e); got != src {
		t.Fatalf("opened and stored: %q", got)
	}
	e.collapse(pos{0, len("They greeted us with bon")})
	typeText(e, "X")
	want(t, e, "They greeted us with [bonXjour]{lang=fr} warmly.")
	// Typed just after the passage, a word is the sentence's language.
	e.collapse(pos{0, len("They greeted us with bonXjour")})
	typeText(e, "!")
	want(t, e, "They greeted us with [bonXjour]{lang=fr}! warmly.")
}
