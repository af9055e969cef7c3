package briefing

import "strings"

// PageSize is a paper size, stored as its name ("letter", "a4").
type PageSize string

// The paper sizes a packet can be printed on.
const (
	Letter PageSize = "letter"
	A4     PageSize = "a4"
)

// pageSizeInfo is one paper size's row: its label and its size in points.
type pageSizeInfo struct {
	size          PageSize
	label         string
	width, height float64
}

var pageSizeTable = []pageSizeInfo{
	{Letter, "US Letter", 612, 792},
	{A4, "A4", 595.28, 841.89},
}

// PageSizes returns every paper size; the slice is the caller's own.
func PageSizes() []PageSize {
	out := make([]PageSize, len(pageSizeTable))
	for i, s := range pageSizeTable {
		out[i] = s.size
	}
	return out
}

// PageSizeNames returns the sizes' names joined with sep, for usage text.
func PageSizeNames(sep string) string {
	names := make([]string, len(pageSizeTable))
	for i, s := range pageSizeTable {
		names[i] = string(s.size)
	}
	return strings.Join(names, sep)
}

func (s PageSize) info() (pageSizeInfo, bool) {
	for _, row := range pageSizeTable {
		if row.size == s {
			return row, true
		}
	}
	return pageSizeTable[0], false
}

// Valid reports whether s is one of the paper sizes.
func (s PageSize) Valid() bool {
	_, ok := s.info()
	return ok
}

// Label is how menus name the size ("US Letter").
func (s PageSize) Label() string {
	row, _ := s.info()
	return row.label
}

// Points is the page's width and height in points; an unknown size is
// Letter, which validation reports before anything is laid out.
func (s PageSize) Points() (width, height float64) {
	row, _ := s.info()
	return row.width, row.height
}

// String is the size's name as stored in files.
func (s PageSize) String() string { return string(s) }
