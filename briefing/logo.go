package briefing

import (
	_ "image/jpeg" // logo formats a packet may carry
	_ "image/png"

	"github.com/briefsmith/briefsmith/render/layout"
)

// CheckLogo reports whether data is a PNG or JPEG logo Briefsmith can
// print: its header within the size limits, then every pixel decoded.
func CheckLogo(data []byte) error {
	_, err := layout.DecodeLogo(data, "")
	return err
}
