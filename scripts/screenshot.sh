#!/usr/bin/env bash
# Runs the real app under Xvfb and saves screenshots, light and dark, at
# 1024×700 (a small laptop) and 1440×900:
#   docs/screenshots/start-VARIANT-SIZE.png        the start page (first start)
#   docs/screenshots/classroom-settings-…png        a classroom handout's Settings
#   docs/screenshots/logo-preview-…png              a client brief's logo preview
#   docs/screenshots/editor-blocks-…png             every kind of block, formatted, beside its page
#   docs/screenshot-VARIANT-SIZE.png                the staff sample, for the README
# Clicks are placed from the window's known proportions (see buildUI: the
# lists take 0.3 of the width, the tabs 0.6 of the rest); look at the
# pictures after a layout change.
set -euo pipefail
bin=${1:-bin/briefsmith}
out=${2:-docs}
mkdir -p "$out/screenshots"
export LANG=C.UTF-8
samples=$(mktemp -d)
cp assets/samples/*.briefing "$samples/"

# shoot SIZE VARIANT NAME [PACKET] [CLICKS...]: start the app (on PACKET if
# given), run each click ("x,y" in the window; "wheel:x,y" turns the wheel
# down there) and save NAME.
shoot() {
  local size=$1 variant=$2 name=$3 packet=${4:-}
  shift 4 || shift $#
  local display=":$((90 + RANDOM % 9))"
  Xvfb "$display" -screen 0 "${size}x24" -nolisten tcp >/dev/null 2>&1 &
  local xvfb=$!
  local home
  home=$(mktemp -d)
  sleep 1
  # shellcheck disable=SC2086
  DISPLAY=$display HOME=$home FYNE_THEME=$variant BRIEFSMITH_WINDOW_SIZE=$size "$bin" $packet >/dev/null 2>&1 &
  local app=$!
  sleep 4
  for c in "$@"; do
    if [ "${c%%:*}" = wheel ]; then
      c=${c#wheel:}
      DISPLAY=$display xdotool mousemove "${c%,*}" "${c#*,}"
      for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16; do DISPLAY=$display xdotool click 5; done
    else
      DISPLAY=$display xdotool mousemove "${c%,*}" "${c#*,}" click 1
    fi
    sleep 1
  done
  DISPLAY=$display import -window root "$name"
  kill "$app" "$xvfb" 2>/dev/null || true
  wait "$app" "$xvfb" 2>/dev/null || true
  rm -rf "$home"
  echo "$name"
}

for size in 1024x700 1440x900; do
  w=${size%x*}
  h=${size#*x}
  # The Settings tab's label, and a point over the Settings form.
  tabs=$((w * 3 / 10 + 110))
  form=$((w * 3 / 10 + w * 7 / 10 * 6 / 10 / 2)),$((h / 2))
  for variant in light dark; do
    shoot "$size" "$variant" "$out/screenshots/start-$variant-$size.png"
    shoot "$size" "$variant" "$out/screenshots/classroom-settings-$variant-$size.png" "$samples/classroom.briefing" "$tabs,50"
    shoot "$size" "$variant" "$out/screenshots/logo-preview-$variant-$size.png" "$samples/client.briefing" "$tabs,50" "wheel:$form"
  done
done
# Every kind of block in the formatted editor beside the page it prints,
# the text's top and, scrolled, its middle.
blocks=$(mktemp -d)
cp scripts/screenshot-blocks.briefing "$blocks/water-cycle.briefing"
for variant in light dark; do
  shoot 1440x900 "$variant" "$out/screenshots/editor-blocks-$variant-1440x900.png" "$blocks/water-cycle.briefing"
  shoot 1440x900 "$variant" "$out/screenshots/editor-blocks-more-$variant-1440x900.png" "$blocks/water-cycle.briefing" "wheel:720,500"
done
rm -rf "$blocks"
for size in 1280x800 1024x640; do
  for variant in light dark; do
    shoot "$size" "$variant" "$out/screenshot-$variant-$size.png" "$samples/staff.briefing"
  done
done
rm -rf "$samples"
