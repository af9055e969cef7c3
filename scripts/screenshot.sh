#!/usr/bin/env bash
# Runs the real app under Xvfb on the built-in sample packet and saves
# screenshots of the main window, light and dark, at 1280×800 and 1024×640.
set -euo pipefail
bin=${1:-bin/briefsmith}
out=${2:-docs}
mkdir -p "$out"
export LANG=C.UTF-8
for size in 1280x800 1024x640; do
  for variant in light dark; do
    display=":$((90 + RANDOM % 9))"
    Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    home=$(mktemp -d)
    sleep 1
    DISPLAY=$display HOME=$home FYNE_THEME=$variant BRIEFSMITH_WINDOW_SIZE=$size "$bin" >/dev/null 2>&1 &
    app=$!
    sleep 4
    DISPLAY=$display import -window root "$out/screenshot-$variant-$size.png"
    kill "$app" "$xvfb" 2>/dev/null || true
    wait "$app" "$xvfb" 2>/dev/null || true
    rm -rf "$home"
    echo "$out/screenshot-$variant-$size.png"
  done
done
