package briefing

import (
	"strings"

	"github.com/briefsmith/briefsmith/render/layout"
)

// readSettings are the packet settings that must be parsed before they
// can be printed — the accent colour, the logo and the language — read
// once per Resolve into the typed values layout takes. Each failure is
// kept beside a usable stand-in: checkPacketFields reports the accent
// and the logo, settingsAccessibility the language, and the document is
// made from the stand-ins, so a packet with a bad setting still shows.
type readSettings struct {
	accent    layout.RGB
	accentErr error
	// logo is nil without a logo or when it cannot be read (logoErr).
	logo    *layout.Logo
	logoErr error
	// language is the tag to print: the packet's, or DefaultLanguage
	// when it cannot be used (languageErr).
	language    string
	languageErr error
}

// readPacketSettings parses p's accent, logo and language.
func readPacketSettings(p *Packet) readSettings {
	var s readSettings
	if s.accent, s.accentErr = layout.ParseColor(p.Style.Accent); s.accentErr != nil {
		s.accent, _ = layout.ParseColor("")
	}
	if len(p.Style.Logo) > 0 {
		s.logo, s.logoErr = layout.DecodeLogo(p.Style.Logo, strings.TrimSpace(p.Style.LogoDescription))
	}
	if s.language, s.languageErr = ParseLanguage(p.Language); s.languageErr != nil {
		s.language = DefaultLanguage
	}
	return s
}
