// Package markdown writes a Document as one Markdown file that other
// Markdown tools show as the PDF reads: front matter as a table, sections
// as headings, citations and footnotes resolved, literal text escaped.
package markdown
