package briefing

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// A packet and its exports move between machines, and most of the people
// they go to run Windows, so a save refuses, on every system, a file name
// Windows cannot create: a device name, a name ending in a dot or a space
// (Windows drops them, so the file would be called something else), and the
// characters Windows keeps for itself. A name Linux or macOS would accept
// would fail to copy there, or, on Windows itself, "CON.pdf" would write the
// PDF to the console and "NUL.pdf" into nothing.

var errUnportableName = errors.New("a file name Windows cannot create")

// windowsDevices are the names Windows reserves for devices, with any
// extension: "con", "con.pdf" and "CON .txt" all name the console.
var windowsDevices = func() map[string]bool {
	m := map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}
	for _, d := range []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		m["COM"+d], m["LPT"+d] = true, true
	}
	return m
}()

// windowsReserved are the characters Windows does not allow in a file name
// (besides the folder separators).
const windowsReserved = `<>:"|?*`

// deviceName returns the device base reserves on Windows, or "".
func deviceName(base string) string {
	stem, _, _ := strings.Cut(base, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	if windowsDevices[stem] {
		return stem
	}
	return ""
}

// portableNameError refuses, with a message that says why and what to do,
// a name whose last element Windows cannot create; nil when it can. stream
// says the name is an existing device or pipe the save writes into, as
// Windows' own "NUL" and "CON" are there: a bare device name is then
// allowed ("-o NUL" discards the output, as "-o /dev/null" does), though
// not with an extension, which only hides that it is a device.
func portableNameError(name string, stream bool) error {
	base := filepath.Base(name)
	if base == "." || base == ".." || base == string(filepath.Separator) {
		return nil // a folder's name, refused as one elsewhere
	}
	var why string
	switch dev := deviceName(base); {
	case dev != "" && stream && strings.EqualFold(base, dev):
		return nil
	case dev != "":
		why = fmt.Sprintf("Windows keeps the name %s for a device, with any ending, so no file can be called %q there", dev, base)
	case strings.ContainsAny(base, windowsReserved):
		c := base[strings.IndexAny(base, windowsReserved)]
		why = fmt.Sprintf("the name has %q in it, which Windows does not allow in file names (nor any of %s)", c, windowsReserved)
	case strings.HasSuffix(base, ".") || strings.HasSuffix(base, " "):
		end := "a dot"
		if strings.HasSuffix(base, " ") {
			end = "a space"
		}
		why = fmt.Sprintf("the name ends in %s, which Windows drops, so the file would not have this name there", end)
	default:
		return nil
	}
	return &fileError{err: errUnportableName, msg: fmt.Sprintf(
		"%s could not be saved: %s. Packets and exports are shared with Windows machines, so Briefsmith uses only names every system can make; choose another name. Nothing was written.",
		name, why)}
}
