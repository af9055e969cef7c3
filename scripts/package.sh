#!/bin/sh
# Builds Briefsmith.tar.xz, the installable Linux package: fyne's package
# (binary, icon, desktop entry and an install Makefile), then the .briefing
# file type, which fyne's tool does not ship.
#
# - The desktop entry passes one file: Exec=briefsmith %f. fyne writes %F
#   (any number of files) when FyneApp.toml declares a MIME type, but
#   briefsmith opens one packet per window, and several file arguments
#   would be read as a command line.
# - packaging/com.briefsmith.app.xml (shared-mime-info: the type and its
#   *.briefing glob) goes into share/mime/packages, and the package's
#   Makefile installs it and refreshes the MIME and desktop databases.
# Check an install with: tar -xJf Briefsmith.tar.xz && cd briefsmith &&
#   make user-install HOME=/tmp/h && grep briefing /tmp/h/.local/share/mime/globs2
set -eu

GO=${GO:-go}
FYNE_TOOLS=fyne.io/tools/cmd/fyne@v1.7.4
PKG=Briefsmith.tar.xz
MIME=application/x-briefsmith-packet
ID=com.briefsmith.app

"$GO" run "$FYNE_TOOLS" package -os linux -name Briefsmith -release

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tar -xJf "$PKG" -C "$work"

desktop=$(find "$work" -name "$ID.desktop" -path '*/share/applications/*')
makefile=$(find "$work" -maxdepth 2 -name Makefile)
[ -n "$desktop" ] && [ -n "$makefile" ] || { echo "package.sh: $PKG lacks the desktop entry or Makefile" >&2; exit 1; }
share=$(dirname "$(dirname "$desktop")")
root=$(dirname "$makefile")
# The path inside the package, as the Makefile names it (usr/share or
# usr/local/share, by the build machine's layout).
rel=${share#"$root"/}

sed -i 's/^\(Exec=[^ ]*\) %F$/\1 %f/' "$desktop"
grep -qx 'Exec=briefsmith %f' "$desktop" || { echo "package.sh: unexpected Exec line in $desktop" >&2; exit 1; }
grep -qx "MimeType=$MIME;" "$desktop" || { echo "package.sh: $desktop does not declare $MIME" >&2; exit 1; }
install -Dm644 packaging/$ID.xml "$share/mime/packages/$ID.xml"
# fyne's Makefile names the binary by the Exec value, %F included, which
# makes every install target fail.
sed -i 's/^Exec := "\([^ ]*\) %F"$/Exec := "\1"/' "$makefile"
grep -qx 'Exec := "briefsmith"' "$makefile" || { echo "package.sh: unexpected Exec in $makefile" >&2; exit 1; }

# Each install target gains the MIME definition and a refresh of the
# databases after its own lines; the refreshes are optional ('-'), since
# a minimal system may lack the tools, and the next login refreshes them.
awk -v rel="$rel" -v id="$ID" '
function extra(target) {
	if (target == "install") {
		print "\tinstall -Dm00644 " rel "/mime/packages/" id ".xml $(DESTDIR)$(PREFIX)/share/mime/packages/" id ".xml"
		print "\t-update-mime-database $(DESTDIR)$(PREFIX)/share/mime"
		print "\t-update-desktop-database $(DESTDIR)$(PREFIX)/share/applications"
	} else if (target == "uninstall") {
		print "\t-rm $(DESTDIR)$(PREFIX)/share/mime/packages/" id ".xml"
		print "\t-update-mime-database $(DESTDIR)$(PREFIX)/share/mime"
	} else if (target == "user-install") {
		print "\tinstall -Dm00644 " rel "/mime/packages/" id ".xml $(DESTDIR)$(HOME)/.local/share/mime/packages/" id ".xml"
		print "\t-update-mime-database $(DESTDIR)$(HOME)/.local/share/mime"
		print "\t-update-desktop-database $(DESTDIR)$(HOME)/.local/share/applications"
	} else if (target == "user-uninstall") {
		print "\t-rm $(DESTDIR)$(HOME)/.local/share/mime/packages/" id ".xml"
		print "\t-update-mime-database $(DESTDIR)$(HOME)/.local/share/mime"
	}
}
# A recipe ends at a blank line or at the next target.
/^[a-z-]+:/ { if (target != "") extra(target); target = $1; sub(/:.*/, "", target) }
/^$/ && target != "" { extra(target); target = "" }
{ print }
END { if (target != "") extra(target) }
' "$makefile" > "$makefile.new"
mv "$makefile.new" "$makefile"
grep -q "mime/packages/$ID.xml" "$makefile" || { echo "package.sh: could not add the MIME type to $makefile" >&2; exit 1; }

if command -v desktop-file-validate >/dev/null 2>&1; then
	desktop-file-validate "$desktop"
fi
if command -v xmllint >/dev/null 2>&1; then
	xmllint --noout "$share/mime/packages/$ID.xml"
fi

tar -cJf "$PKG" -C "$work" .
echo "$PKG: binary, icon, desktop entry (Exec=briefsmith %f, MimeType=$MIME;) and the *.briefing type"
