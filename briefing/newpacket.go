package briefing

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/briefsmith/briefsmith/render/layout"
	"github.com/spf13/afero"
)

// BlankTemplateID is the built-in template behind "Add blank section": an
// empty body under a title the user types over. A section must name a
// template (an unknown one is an error), so blank sections name this one.
const BlankTemplateID = "blank"

// NewPacket returns an empty packet for audience with the defaults a new
// user expects: Letter paper, 11 pt type, a cover and a table of contents.
func NewPacket(audience Audience) *Packet {
	if audience == "" {
		audience = Staff
	}
	return &Packet{
		Version:   PacketVersion,
		Title:     UntitledTitle,
		Audience:  audience,
		Language:  DefaultLanguage,
		Variables: map[string]string{},
		Sections:  []SectionRef{},
		Style:     Style{PageSize: Letter, FontSize: 11, Accent: "#1F4E79", Cover: true, TOC: true},
	}
}

// UntitledTitle is a new packet's title until the user gives one; a
// packet exported with it is warned about, since it prints on the cover.
const UntitledTitle = "Untitled briefing"

// defaultMarking is a new staff memo's handling marking when Preferences
// name none: the New dialog promises "marking on every page".
const defaultMarking = "UNCLASSIFIED"

// defaultClientMarking is a new client brief's marking when Preferences
// give none: the New dialog promises a confidential footer, which the
// footer prints only under a marking that says confidential.
const defaultClientMarking = "CONFIDENTIAL — CLIENT"

// Defaults are the user's own starting values for new packets (the app's
// Preferences); the zero value keeps the program's.
type Defaults struct {
	Author, Organization, Marking string
	// PageSize is used when valid.
	PageSize PageSize
	// Accent, Logo and LogoDescription are the brand kit every new packet
	// wears. Accent is used when it is a "#RRGGBB" colour; Logo holds the
	// image's bytes (see ReadLogoFile), since a packet never points at
	// other files.
	Accent          string
	Logo            []byte
	LogoDescription string
}

// NewBlankPacketFor starts a packet for audience dated date (YYYY-MM-DD)
// with no sections: the audience's starting style (a staff memo without
// cover or contents, a handout at 12 pt) and the user's defaults. It is
// where any topic starts, and NewPacketFor builds on it, so both kinds of
// new packet follow one rule.
func NewBlankPacketFor(audience Audience, date string, d Defaults) *Packet {
	p := NewPacket(audience)
	p.Date = date
	if row, ok := p.Audience.info(); ok {
		p.Style.FontSize = row.start.fontSize
		p.Style.Cover, p.Style.TOC = row.start.cover, row.start.toc
	}
	p.Author, p.Organization, p.Marking = d.Author, d.Organization, d.Marking
	// The New dialog promises a staff memo "marking on every page".
	switch {
	case p.Marking != "":
	case p.Audience == Staff:
		p.Marking = defaultMarking
	case p.Audience == Client:
		p.Marking = defaultClientMarking
	}
	d.wear(p)
	return p
}

// wear gives p the defaults' page size and brand kit, those set: a blank
// packet and a sample one alike.
func (d Defaults) wear(p *Packet) {
	if d.PageSize.Valid() {
		p.Style.PageSize = d.PageSize
	}
	if _, err := layout.ParseColor(d.Accent); err == nil && d.Accent != "" {
		p.Style.Accent = d.Accent
	}
	if len(d.Logo) > 0 {
		// Each packet owns its logo: undo snapshots share the bytes on
		// the understanding that nothing changes them in place.
		p.Style.Logo = append([]byte(nil), d.Logo...)
		p.Style.LogoDescription = d.LogoDescription
	}
}

// NewSamplePacketFor is sample — a built-in sample packet, its title,
// sections and values — dated date and in the user's own brand: the
// defaults that are set (author, organization, marking, page size,
// accent, logo) take the sample's place. It is File › New's "Sample": a
// finished example to adapt, not an untitled skeleton.
func NewSamplePacketFor(sample *Packet, date string, d Defaults) *Packet {
	p := sample.Clone()
	p.Date = date
	for _, f := range []struct {
		to   *string
		from string
	}{{&p.Author, d.Author}, {&p.Organization, d.Organization}, {&p.Marking, d.Marking}} {
		if strings.TrimSpace(f.from) != "" {
			*f.to = f.from
		}
	}
	d.wear(p)
	return p
}

// NewPacketFor starts a packet as NewBlankPacketFor does, with every
// built-in section of the sample subject that suits the audience, in the
// library's order, each switched on unless its template says otherwise
// (a teacher's answer key starts off). The topic-neutral templates are
// left out: they are for packets on other subjects. The app's File › New
// and the command line's new both start here.
func NewPacketFor(lib *Library, audience Audience, date string, d Defaults) *Packet {
	p := NewBlankPacketFor(audience, date, d)
	for _, t := range lib.Templates() {
		if t.Origin == OriginBuiltIn && t.Kind != General && t.Suits(p.Audience) {
			p.Sections = append(p.Sections, SectionRef{Template: t.ID, Included: !t.ExcludedByDefault})
		}
	}
	return p
}

// maxLogoFile caps what ReadLogoFile reads; the logo checks refuse
// anything larger anyway, and reading stops here rather than at the end
// of a huge file or a device.
const maxLogoFile = 8 << 20

// ReadLogoFile reads the image at path on fsys as a logo, for a packet or
// a brand kit: an image larger than printing needs is scaled down (note
// says so, in a sentence for the user, "" otherwise) and one Briefsmith
// cannot use is refused, the file and the limit named in plain words.
func ReadLogoFile(fsys afero.Fs, path string) (data []byte, note string, err error) {
	raw, _, err := readSmallFile(fsys, path, maxLogoFile, "logo image")
	if err != nil {
		return nil, "", err
	}
	fit, err := layout.FitLogo(raw)
	if err != nil {
		return nil, "", fmt.Errorf("%s cannot be used as a logo: %w", path, err)
	}
	if fit.Scaled() {
		note = fmt.Sprintf("%s is %d×%d pixels; the packet keeps a copy scaled to %d×%d, all the largest logo (on a cover) needs at 300 pixels an inch.",
			filepath.Base(path), fit.From.X, fit.From.Y, fit.To.X, fit.To.Y)
	}
	return fit.Data, note, nil
}
