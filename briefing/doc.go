// Package briefing is Briefsmith's domain: section templates and the library
// that holds them, packets and their variables, validation, storage and
// recovery. Resolve turns a packet into the render.Document that package
// render lays out; this package draws nothing.
//
// It knows nothing about the desktop user interface. Every file it reads or
// writes goes through an afero.Fs so that tests can run on memory and inject
// faults, and every operation returns an error rather than panicking, because
// packets and templates arrive from other people by email.
package briefing
