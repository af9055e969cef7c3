#!/usr/bin/env bash
# Installs, only when missing, what building and testing Briefsmith needs on
# Debian or Ubuntu: the C toolchain and X11/OpenGL headers for Fyne's cgo
# build, and the PDF and display tools the tests use; LibreOffice Writer
# (headless) and python3-docx read the Word export in its tests, with the
# Liberation faces the PDF is set in (the .docx names Times New Roman,
# Arial and Courier New; LibreOffice sets them in Liberation). The
# Windows build (make windows) needs mingw-w64, wixl (the MSI) and zip; its
# test (make windows-test) runs it under Wine (wine64, headless with xvfb).
set -euo pipefail

packages=(
  gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
  libxinerama-dev libxi-dev libxxf86vm-dev
  poppler-utils qpdf xvfb imagemagick ghostscript xdotool
  libreoffice-writer-nogui python3-docx fonts-liberation2
  gcc-mingw-w64-x86-64 wixl zip wine64
)

if ! command -v go >/dev/null 2>&1; then
  echo "setup: Go is not installed; install Go 1.25 or newer from the Go website, then run make again." >&2
  exit 1
fi
if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: not a Debian/Ubuntu system; install the equivalents of: ${packages[*]}" >&2
  exit 0
fi

# staticcheck, from the Go module proxy, pinned.
if [ ! -x "$(go env GOPATH)/bin/staticcheck" ]; then
  echo "setup: installing staticcheck"
  go install honnef.co/go/tools/cmd/staticcheck@v0.8.2
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "setup: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "setup: need root (or sudo) to install: ${missing[*]}" >&2
    exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
