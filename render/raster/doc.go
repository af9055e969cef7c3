// Package raster draws a Document's pages as images, for the app's page
// view: it records what layout draws, then paints each page on request,
// placing glyphs as a PDF viewer places them, so the preview matches the
// exported file.
package raster
