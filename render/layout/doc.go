// Package layout typesets a Briefsmith document without knowing the
// output: it takes a Document — metadata, resolved settings and sections
// as typed blocks — breaks lines, fills pages and draws them on a
// Surface. The PDF writer (render/pdf) and the page view (render/raster)
// are surfaces; the Word and Markdown writers walk the same Document and
// ask layout only for what it knows, such as the page each section starts
// on.
//
// It owns what every output must agree on: fonts and their metrics, the
// colours, the heading looks, call-out labels, citation numbers and which
// links may be clickable. It never imports package briefing: packets,
// templates and placeholders are resolved before a Document exists, so
// layout cannot fail for reasons validation would not have reported.
package layout
