package editor

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/briefsmith/briefsmith/sectiontext"
)

// longText is a section of about n words: paragraphs of 60 words, a
// heading and a short list every ten paragraphs.
func longText(n int) string {
	words := strings.Fields("the order directs federal agencies to coordinate with developers of artificial intelligence on **securing** critical infrastructure and *government* networks against threats")
	var sb strings.Builder
	for w, p := 0, 0; w < n; p++ {
		if p%10 == 0 {
			fmt.Fprintf(&sb, "## Part %d\n\n- first point\n- second point\n\n", p/10+1)
			w += 6
		}
		for i := 0; i < 60; i++ {
			sb.WriteString(words[(w+i)%len(words)])
			sb.WriteByte(' ')
		}
		sb.WriteString("\n\n")
		w += 60
	}
	return sb.String()
}

func benchKeystroke(b *testing.B, words int) {
	e, _ := open(b, longText(words))
	// Type in the middle of the text, on screen.
	mid := len(e.blocks) / 2
	e.collapse(pos{mid, 3})
	e.changedLayout()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			e.TypedRune('x')
		} else {
			key(e, fyne.KeyBackspace)
		}
	}
}

func BenchmarkKeystroke300(b *testing.B)   { benchKeystroke(b, 300) }
func BenchmarkKeystroke5000(b *testing.B)  { benchKeystroke(b, 5000) }
func BenchmarkKeystroke20000(b *testing.B) { benchKeystroke(b, 20000) }

// BenchmarkOpen20000 opens a 20,000-word section and draws its first
// screen.
func BenchmarkOpen20000(b *testing.B) {
	e, _ := open(b, "")
	body := sectiontext.Parse(longText(20000))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := e.SetBody(body); err != nil {
			b.Fatal(err)
		}
		e.Refresh()
	}
}

// BenchmarkBodyAfterEdit20000 is what the app does after each keystroke:
// read the body back (the app then writes it).
func BenchmarkBodyAfterEdit20000(b *testing.B) {
	e, _ := open(b, longText(20000))
	e.collapse(pos{len(e.blocks) / 2, 3})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			e.TypedRune('x')
		} else {
			key(e, fyne.KeyBackspace)
		}
		_ = e.Body()
	}
}

// BenchmarkKeystrokeLongWord types into a 5,000-character word, which
// is broken across lines by characters.
func BenchmarkKeystrokeLongWord(b *testing.B) {
	e, _ := open(b, strings.Repeat("x", 5000)+"\n")
	e.collapse(pos{0, 2500})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			e.TypedRune('x')
		} else {
			key(e, fyne.KeyBackspace)
		}
	}
}

// BenchmarkSelectAllCopy20000 is Ctrl+A then Ctrl+C on a 20,000-word
// section: the plain text and the Markdown beside it, on the clipboard.
func BenchmarkSelectAllCopy20000(b *testing.B) {
	e, _ := open(b, longText(20000))
	clip := fyne.CurrentApp().Clipboard()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.TypedShortcut(&fyne.ShortcutSelectAll{})
		e.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	}
	if len(clip.Content()) < 100_000 {
		b.Fatalf("copied %d bytes", len(clip.Content()))
	}
}

// BenchmarkHeld20000 reports what a 20,000-word section holds in memory
// once opened and drawn (heapMB), beyond an editor already showing a
// short text — as the app's does, its fonts loaded.
func BenchmarkHeld20000(b *testing.B) {
	body := sectiontext.Parse(longText(20000))
	var held float64
	for i := 0; i < b.N; i++ {
		e, _ := open(b, longText(300))
		e.Refresh()
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		if err := e.SetBody(body); err != nil {
			b.Fatal(err)
		}
		e.Refresh()
		runtime.GC()
		runtime.ReadMemStats(&after)
		held = float64(after.HeapAlloc-before.HeapAlloc) / (1 << 20)
		runtime.KeepAlive(e)
	}
	b.ReportMetric(held, "heapMB")
}
