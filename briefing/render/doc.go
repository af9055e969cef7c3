// Package render typesets a Briefsmith document: it takes a Document —
// metadata, resolved settings and sections as typed blocks — lays it out
// in pages and draws it on a Surface, of which the PDF writer is one.
//
// It never imports package briefing: packets, templates and placeholders
// are resolved before a Document exists, so layout cannot fail for
// reasons validation would not have reported, and other outputs (a page
// preview, a Word writer) can walk the same Document.
package render
