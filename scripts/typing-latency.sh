#!/usr/bin/env bash
# Times the real window under Xvfb: opening a packet whose first section
# is WORDS words long until the window takes a keystroke, and single
# keystrokes typed into that section with xdotool. The app writes a line to $BRIEFSMITH_TRACE when it has handled
# an edit (the document changed and the widgets were told to refresh) and
# when the editor is filled with a section's text. A keystroke is timed
# from just before xdotool sends it to that line ("handled"), and to the
# first change of the screen where the letter lands (scripts/screenwatch:
# "on the screen", painting included). Last, the same keystrokes in the
# floor: a bare Fyne window holding one entry with as much text as the
# editor holds of a long section (scripts/entryfloor).
#
#   scripts/typing-latency.sh [WORDS...]     (default: 5000 20000)
#   FLOOR_WORDS=N sets the floor entry's text (default 1150).
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
command -v Xvfb >/dev/null && command -v xdotool >/dev/null ||
  { echo "typing-latency: needs Xvfb and xdotool (apt install xvfb xdotool)" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
go build -o "$work/briefsmith" .
go build -o "$work/screenwatch" ./scripts/screenwatch
go build -o "$work/entryfloor" ./scripts/entryfloor

# packet writes the sample staff packet with its first section's text
# replaced by n words, as paragraphs of 100.
packet() {
  python3 - "$1" "$2" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
p = json.load(open("assets/samples/staff.briefing"))
words = ["agencies", "coordinate", "with", "developers", "on", "securing", "networks"]
paras = [" ".join(words[(i + j) % 7] for j in range(100)) for i in range(0, n, 100)]
if n:
    p["sections"][0]["body"] = "\n\n".join(paras)
json.dump(p, open(out, "w"))
PY
}

ms() { echo "scale=1; $1 / 1000000" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

for words in "${@:-5000 20000}" floor; do
  runs="0 $words"
  [ "$words" = floor ] && runs=floor
  for n in $runs; do
    if [ "$n" = floor ]; then
      cmd=("$work/entryfloor" "${FLOOR_WORDS:-1150}")
    else
      packet "$n" "$work/p$n.briefing"
      cmd=("$work/briefsmith" "$work/p$n.briefing")
    fi
    display=":$((90 + RANDOM % 9))"
    Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    trace="$work/trace-$n"
    : >"$trace"
    t0=$(date +%s%N)
    DISPLAY=$display HOME=$work/home-$n BRIEFSMITH_TRACE=$trace "${cmd[@]}" >/dev/null 2>&1 &
    app=$!
    for _ in $(seq 600); do grep -q " show " "$trace" && break; sleep 0.05; done
    # The window takes input once it has laid out and painted the text:
    # click into the editor, type a letter, and time the letter's arrival
    # from the start.
    # Until then a click may be lost, so it is repeated every quarter
    # second: the figure is good to a quarter of a second.
    for _ in $(seq 240); do
      DISPLAY=$display xdotool mousemove 650 620 click 1 type --delay 0 x 2>/dev/null || true
      sleep 0.25
      grep -q " edit " "$trace" && break
    done
    ready=$(awk '/ edit / {print $1; exit}' "$trace")
    [ -n "$ready" ] || { echo "typing-latency: the window took no keystroke in 60 s" >&2; exit 1; }
    open_ms=$(ms $((ready - t0)))
    if [ "$n" = 0 ]; then
      base=$open_ms
    else
      sleep 3 # the page count and page view after the first letter
      : >"$work/lat"; : >"$work/scr"
      for i in $(seq 7); do
        before=$(grep -c " edit " "$trace" || true)
        # The row the letter goes into, right of the cursor, shifts when it
        # is painted; the cursor itself stays left of the watched part.
        DISPLAY=$display "$work/screenwatch" 760 605 140 30 30 >"$work/watch" 2>/dev/null &
        watch=$!
        for _ in $(seq 500); do grep -q ready "$work/watch" && break; sleep 0.01; done
        ts=$(date +%s%N)
        DISPLAY=$display xdotool type --delay 0 x
        for _ in $(seq 3000); do [ "$(grep -c " edit " "$trace" || true)" -gt "$before" ] && break; sleep 0.01; done
        te=$(awk '/ edit / {t=$1} END {print t}' "$trace")
        ms $((te - ts)) >>"$work/lat"
        wait "$watch" || true
        tp=$(tail -1 "$work/watch")
        case $tp in ""|*[!0-9]*) ;; *) ms $((tp - ts)) >>"$work/scr" ;; esac
        sleep 1.5
      done
      if [ "$n" = floor ]; then
        printf 'floor (a bare Fyne entry of %s words): window open and taking keystrokes after %s ms\n' "${FLOOR_WORDS:-1150}" "$open_ms"
      else
        printf '%6d words: window open and taking keystrokes after %s ms (%s ms with the sample'"'"'s own text: the section costs %s ms)\n' \
          "$n" "$open_ms" "$base" "$(echo "$open_ms - $base" | bc)"
      fi
      printf '        keystroke handled (median, max of %d): %s ms, %s ms; on the screen (median, max of %d): %s ms, %s ms\n' \
        "$(wc -l <"$work/lat")" "$(median <"$work/lat")" "$(sort -n "$work/lat" | tail -1)" \
        "$(wc -l <"$work/scr")" "$(median <"$work/scr")" "$(sort -n "$work/scr" | tail -1)"
    fi
    kill "$app" "$xvfb" 2>/dev/null || true
    wait "$app" "$xvfb" 2>/dev/null || true
  done
done
