// Package docx writes a Document as a Word document (WordprocessingML),
// with the PDF's look and structure: Word styles for the headings and
// blocks, real lists, tables, footnotes and a contents field prefilled
// with the PDF's page numbers, which it takes from layout.
package docx
