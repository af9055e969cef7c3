#!/usr/bin/env bash
# Cross-builds Briefsmith for Windows (amd64) with mingw-w64 and packages it,
# all into build/windows (git-ignored):
#   briefsmith.exe   the app (GUI subsystem: no console window), cgo for Fyne
#   briefsmith.com   the command line alone (console subsystem, no Fyne, no cgo)
#   Briefsmith-VERSION-windows-amd64.zip   both, README.txt, THIRD-PARTY-NOTICES.txt
#   Briefsmith-VERSION-windows-amd64.msi   per-user installer (wixl, packaging/windows/briefsmith.wxs)
# Both programs carry Windows resources made with mingw's windres: the icon
# (assets/icon.png as .ico), version information from FyneApp.toml and the
# manifest packaging/windows/briefsmith.manifest (asInvoker, per-monitor v2
# DPI awareness). The resource objects are placed beside each main package
# as rsrc_windows_amd64.syso only for the build (git-ignored, removed after).
set -euo pipefail
cd "$(dirname "$0")/.."

GO=${GO:-go}
CC_WIN=${CC_WIN:-x86_64-w64-mingw32-gcc}
WINDRES=${WINDRES:-x86_64-w64-mingw32-windres}
OUT=${OUT:-build/windows}
mkdir -p "$OUT"

toml() { sed -n "s/^$1 *= *\"\{0,1\}\([^\"]*\)\"\{0,1\} *$/\1/p" FyneApp.toml | head -1; }
VERSION=$(toml Version)
BUILDNO=$(toml Build)
NAME=$(toml Name)
[ -n "$VERSION" ] && [ -n "$BUILDNO" ] || { echo "windows-build: no Version or Build in FyneApp.toml" >&2; exit 1; }
want=$(sed -n 's/^const Version = "\(.*\)"$/\1/p' briefing/document.go)
[ "$want" = "$VERSION" ] || { echo "windows-build: FyneApp.toml says $VERSION, briefing.Version $want" >&2; exit 1; }
IFS=. read -r v1 v2 v3 <<<"$VERSION"
V4="$v1.$v2.${v3:-0}.$BUILDNO"
VC="$v1,$v2,${v3:-0},$BUILDNO"

# Resources ---------------------------------------------------------------
convert assets/icon.png -background none -define icon:auto-resize=256,64,48,32,24,16 "$OUT/briefsmith.ico"
sed "s/@VERSION4@/$V4/" packaging/windows/briefsmith.manifest > "$OUT/briefsmith.manifest"
rc() { # rc FILE DESCRIPTION ORIGINALNAME
	cat > "$1" <<RC
1 ICON "briefsmith.ico"
1 24 "briefsmith.manifest"
1 VERSIONINFO
FILEVERSION $VC
PRODUCTVERSION $VC
FILEFLAGSMASK 0x3f
FILEFLAGS 0x0
FILEOS 0x40004
FILETYPE 0x1
FILESUBTYPE 0x0
BEGIN
  BLOCK "StringFileInfo"
  BEGIN
    BLOCK "040904b0"
    BEGIN
      VALUE "CompanyName", "$NAME"
      VALUE "FileDescription", "$2"
      VALUE "FileVersion", "$V4"
      VALUE "InternalName", "briefsmith"
      VALUE "LegalCopyright", "The Briefsmith authors"
      VALUE "OriginalFilename", "$3"
      VALUE "ProductName", "$NAME"
      VALUE "ProductVersion", "$VERSION"
    END
  END
  BLOCK "VarFileInfo"
  BEGIN
    VALUE "Translation", 0x409, 1200
  END
END
RC
}
rc "$OUT/app.rc" "$NAME" briefsmith.exe
rc "$OUT/cli.rc" "$NAME command line" briefsmith.com
(cd "$OUT" && "$WINDRES" -O coff -i app.rc -o app.syso && "$WINDRES" -O coff -i cli.rc -o cli.syso)

syso=(rsrc_windows_amd64.syso cmd/briefsmith-cli/rsrc_windows_amd64.syso)
trap 'rm -f "${syso[@]}"' EXIT
cp "$OUT/app.syso" "${syso[0]}"
cp "$OUT/cli.syso" "${syso[1]}"

# Programs ----------------------------------------------------------------
t0=$(date +%s)
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC="$CC_WIN" \
	"$GO" build -ldflags "-H=windowsgui -s -w" -o "$OUT/briefsmith.exe" .
t1=$(date +%s)
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 \
	"$GO" build -ldflags "-s -w" -o "$OUT/briefsmith.com" ./cmd/briefsmith-cli
t2=$(date +%s)
rm -f "${syso[@]}"
echo "windows-build: briefsmith.exe in $((t1 - t0)) s, briefsmith.com in $((t2 - t1)) s"

# Text files --------------------------------------------------------------
sed "s/@VERSION@/$VERSION/" packaging/windows/README.txt | sed 's/$/\r/' > "$OUT/README.txt"
{
	cat packaging/windows/notices-head.txt
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 "$GO" list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}' . ./cmd/briefsmith-cli | sort -u |
		while read -r path ver; do echo "- $path $ver"; done
	echo
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 "$GO" list -deps -f '{{with .Module}}{{if not .Main}}{{.Path}}@{{.Version}} {{.Dir}}{{end}}{{end}}' . ./cmd/briefsmith-cli | sort -u |
		while read -r mod dir; do
			extra=()
			case "$mod" in
			fyne.io/fyne/v2@*) extra=("$dir"/theme/font/LICENSE*.txt) ;;
			github.com/go-gl/glfw/*) extra=("$dir"/glfw/LICENSE.md) ;; # the C GLFW compiled in
			esac
			for f in "$dir"/LICENSE* "$dir"/LICENCE* "$dir"/COPYING* "$dir"/NOTICE* "${extra[@]}"; do
				[ -f "$f" ] || continue
				printf '\n==== %s: %s ====\n\n' "$mod" "${f#"$dir"/}"
				cat "$f"
			done
		done
} | sed 's/\r$//; s/$/\r/' > "$OUT/THIRD-PARTY-NOTICES.txt"

# Packages ----------------------------------------------------------------
base="Briefsmith-$VERSION-windows-amd64"
rm -f "$OUT/$base.zip" "$OUT/$base.msi"
(cd "$OUT" && rm -rf zip && mkdir -p zip/Briefsmith &&
	cp briefsmith.exe briefsmith.com README.txt THIRD-PARTY-NOTICES.txt zip/Briefsmith/ &&
	cd zip && zip -qr -X "../$base.zip" Briefsmith && cd .. && rm -rf zip)
wixl -a x64 -D Version="$V4" -D BuildDir="$OUT" -o "$OUT/$base.msi" packaging/windows/briefsmith.wxs
ls -l "$OUT/briefsmith.exe" "$OUT/briefsmith.com" "$OUT/$base.zip" "$OUT/$base.msi" | awk '{print "windows-build:", $5, $NF}'
