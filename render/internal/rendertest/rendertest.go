// Package rendertest builds small documents for the outputs' tests, so
// each output's tests lay out the same kind of document without a packet.
package rendertest

import (
	"fmt"

	"github.com/briefsmith/briefsmith/render/layout"
)

// Doc is a US Letter document in the default look with one section per
// body, each body Markdown.
func Doc(bodies ...string) *layout.Document {
	doc := &layout.Document{Settings: layout.NewSettings(612, 792, 10.5, layout.RGB{R: 0x1f, G: 0x4e, B: 0x79}, nil, layout.Profile{LineSpacing: 1.35})}
	for i, md := range bodies {
		doc.Sections = append(doc.Sections, layout.Section{Index: i, Title: fmt.Sprintf("Section %d", i+1), Blocks: layout.ParseMarkdown(md)})
	}
	return doc
}
