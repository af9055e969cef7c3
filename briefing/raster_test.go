package briefing

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/briefsmith/briefsmith/render/pdf"
	"github.com/briefsmith/briefsmith/render/raster"
)

// The page preview claims to be the true page: the raster pages must match
// what poppler (pdftoppm, 22.12 when this was written) makes of the
// exported PDF, page for page. Pixels are compared after a one-pixel blur
// and a threshold, which forgives anti-aliasing but not a moved word; and
// every band of ink (a line of text, a rule, a box) is checked for its
// vertical position, which for a line is its baseline, and for the
// position of its two ends, which moves when glyph advances drift along
// the line even where most pixels still agree.
//
// Set BRIEFSMITH_RASTER_DIR to keep both images of every page there, to
// look at them side by side.

// rasterDPI is the comparison resolution: at 100 dpi body text is about
// 14 pixels high, so a one-pixel tolerance is tight.
const rasterDPI = 100

// The least share of pixels that must agree. A page is mostly white, so
// these are far from lenient: text moved by two pixels leaves about 99%
// of the dark pixels (and 94–97% of all marks) in agreement; the pages
// measured 99.9% and more when this was written.
const (
	minAgree      = 0.995
	minAgreeLight = 0.99
)

func TestRasterMatchesPDF(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed: the raster pages cannot be compared with the PDF")
	}
	lib := builtinLibrary(t)
	keep := os.Getenv("BRIEFSMITH_RASTER_DIR")
	for _, tc := range []struct {
		name string
		size PageSize
	}{{"staff", Letter}, {"client", Letter}, {"classroom", Letter}, {"staff", A4}, {"client", A4}} {
		t.Run(tc.name+"-"+string(tc.size), func(t *testing.T) {
			p := loadSampleNamed(t, tc.name+".briefing")
			p.Style.PageSize = tc.size
			doc, _, probs := resolveForExport(lib, p, tc.name+".briefing")
			if probs.HasErrors() {
				t.Fatal(probs)
			}
			var file bytes.Buffer
			info, err := pdf.Render(doc, &file)
			if err != nil {
				t.Fatal(err)
			}
			pages, rinfo, err := raster.RecordPages(doc)
			if err != nil {
				t.Fatal(err)
			}
			if pages.Len() != info.Pages || rinfo.Pages != info.Pages {
				t.Fatalf("raster has %d pages (info %d), the PDF %d", pages.Len(), rinfo.Pages, info.Pages)
			}
			path := writePDF(t, file.Bytes())
			prefix := filepath.Join(filepath.Dir(path), "page")
			tool(t, "pdftoppm", "-r", fmt.Sprint(rasterDPI), "-png", path, prefix)
			files, _ := filepath.Glob(prefix + "-*.png") // same-width numbers: sorted in page order
			if len(files) != pages.Len() {
				t.Fatalf("pdftoppm made %d pages, the raster has %d", len(files), pages.Len())
			}
			for i, f := range files {
				want := readPNG(t, f)
				got := pages.Draw(i, rasterDPI)
				if keep != "" {
					stem := filepath.Join(keep, fmt.Sprintf("%s-%s-%d", tc.name, tc.size, i+1))
					savePNG(t, stem+"-pdf.png", want)
					savePNG(t, stem+"-raster.png", got)
				}
				if got.Bounds() != want.Bounds() {
					t.Fatalf("page %d: raster is %v, pdftoppm %v", i+1, got.Bounds(), want.Bounds())
				}
				c := compareInk(want, got)
				t.Logf("page %d: %.2f%% of pixels agree (%.2f%% with light marks); %d bands, baselines within %d px, line ends within %d px",
					i+1, c.agree*100, c.agreeLight*100, c.bands, c.baseline, c.ends)
				if c.agree < minAgree || c.agreeLight < minAgreeLight || c.baseline > 1 || c.ends > 1 {
					t.Errorf("page %d differs from the PDF: %.2f%% agree, %.2f%% with light marks (want ≥ %.1f%%, %.1f%%); baseline off by %d px at row %d, line end off by %d px at row %d (want ≤ 1)",
						i+1, c.agree*100, c.agreeLight*100, minAgree*100, minAgreeLight*100, c.baseline, c.baselineRow, c.ends, c.endsRow)
				}
			}
		})
	}
}

// inkComparison is how far two renderings of a page differ.
type inkComparison struct {
	agree                float64 // share of pixels equal after blur and threshold
	agreeLight           float64 // the same at a threshold that keeps light marks (watermark, shading)
	bands                int     // bands of ink rows (lines of text, rules, boxes) in the PDF's page
	baseline, ends       int     // the largest differences, in pixels
	baselineRow, endsRow int     // where they are (the band's first row)
}

// compareInk compares a page as pdftoppm drew it (want) with the raster
// (got). Bands are runs of rows with ink in want. A band's vertical shift
// is the offset, within ±4 pixels, that best lays got's profile of ink
// per row over want's: for a line of text, how far its baseline moved. Its
// ends are compared the same way with the profile of ink per column at
// the band's left and right ends: a line started elsewhere, or drawn
// wider or narrower by other advances, moves them. Ink is measured as
// darkness, not thresholded, so grey anti-aliased letters weigh what they
// look like.
func compareInk(want, got image.Image) inkComparison {
	b := want.Bounds()
	w, h := b.Dx(), b.Dy()
	wl, gl := greyLevels(want), greyLevels(got)
	wb, gb := blurred(wl, w, h), blurred(gl, w, h)
	same, sameLight := 0, 0
	for i := range wb {
		if (wb[i] < 128) == (gb[i] < 128) {
			same++
		}
		if (wb[i] < 245) == (gb[i] < 245) {
			sameLight++
		}
	}
	n := float64(len(wb))
	c := inkComparison{agree: float64(same) / n, agreeLight: float64(sameLight) / n}
	wr := inkRows(wl, w, h)
	for y := 0; y < h; {
		if wr[y] == 0 {
			y++
			continue
		}
		top := y
		for y < h && wr[y] > 0 {
			y++
		}
		c.bands++
		lo, hi := max(top-4, 0), min(y+4, h)
		if d := abs(shift(darkRows(wl, w, lo, hi), darkRows(gl, w, lo, hi), 4)); d > c.baseline {
			c.baseline, c.baselineRow = d, top
		}
		left, right := endShifts(darkColumns(wl, w, lo, hi), darkColumns(gl, w, lo, hi))
		if d := max(abs(left), abs(right)); d > c.ends {
			c.ends, c.endsRow = d, top
		}
	}
	return c
}

func greyLevels(img image.Image) []uint8 {
	b := img.Bounds()
	out := make([]uint8, 0, b.Dx()*b.Dy())
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			out = append(out, uint8((299*r+587*g+114*bl)/1000>>8))
		}
	}
	return out
}

// blurred is a 3×3 box blur, the edge pixels averaged over what exists.
func blurred(l []uint8, w, h int) []uint8 {
	out := make([]uint8, len(l))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			sum, n := 0, 0
			for dy := -1; dy <= 1; dy++ {
				for dx := -1; dx <= 1; dx++ {
					if xx, yy := x+dx, y+dy; xx >= 0 && yy >= 0 && xx < w && yy < h {
						sum += int(l[yy*w+xx])
						n++
					}
				}
			}
			out[y*w+x] = uint8(sum / n)
		}
	}
	return out
}

// inkRows counts the pixels of each row darker than mid-grey.
func inkRows(l []uint8, w, h int) []int {
	rows := make([]int, h)
	for y := 0; y < h; y++ {
		for _, v := range l[y*w : (y+1)*w] {
			if v < 128 {
				rows[y]++
			}
		}
	}
	return rows
}

// darkRows is the darkness of each row from lo to hi.
func darkRows(l []uint8, w, lo, hi int) []int {
	out := make([]int, hi-lo)
	for y := lo; y < hi; y++ {
		for _, v := range l[y*w : (y+1)*w] {
			out[y-lo] += 255 - int(v)
		}
	}
	return out
}

// darkColumns is the darkness of each column over rows lo to hi.
func darkColumns(l []uint8, w, lo, hi int) []int {
	out := make([]int, w)
	for y := lo; y < hi; y++ {
		for x, v := range l[y*w : (y+1)*w] {
			out[x] += 255 - int(v)
		}
	}
	return out
}

// shift is the offset s within ±limit for which got[i+s] best matches
// want[i], in the least total difference; the smaller offset wins a tie.
func shift(want, got []int, limit int) int {
	best, at := -1, 0
	for _, s := range offsets(limit) {
		d := 0
		for i := range want {
			g := 0
			if j := i + s; j >= 0 && j < len(got) {
				g = got[j]
			}
			d += abs(want[i] - g)
		}
		if best < 0 || d < best {
			best, at = d, s
		}
	}
	return at
}

// offsets is 0, -1, 1, -2, 2 … up to limit.
func offsets(limit int) []int {
	out := []int{0}
	for s := 1; s <= limit; s++ {
		out = append(out, -s, s)
	}
	return out
}

// endShifts is how far got's ink is moved against want's at each end of
// a band: each end's columns (from a little outside the first or last
// column holding a pixel's worth of ink to endSpan columns inside) are
// laid over each other as rows are for the baseline.
func endShifts(want, got []int) (left, right int) {
	first, last := -1, -1
	for x, v := range want {
		if v >= 255 {
			if first < 0 {
				first = x
			}
			last = x
		}
	}
	if first < 0 {
		return 0, 0
	}
	window := func(a, b int) (int, int) { return max(a, 0), min(b, len(want)) }
	a, b := window(first-8, first+endSpan)
	left = shift(want[a:b], got[a:b], 4)
	a, b = window(last-endSpan, last+9)
	right = shift(want[a:b], got[a:b], 4)
	return left, right
}

// endSpan is how many columns of a band's ends are compared: a few
// letters.
const endSpan = 60

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func readPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func savePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}
