#!/usr/bin/env bash
# Times `briefsmith export` against the tools users would otherwise use on
# the same content, and against the floor for our stack:
#   typst        Typst (the npm package @myriaddreamin/typst-ts-node-compiler,
#                run by node) on scripts/md2typst's Typst markup of the
#                Markdown export
#   chromium     headless Chromium printing pandoc's HTML of the Markdown export
#   libreoffice  LibreOffice converting pandoc's DOCX of it
#   floor        scripts/floor: fpdf drawing the export's text (pdftotext)
#                with the same five faces, untagged, in one pass
# Runs are interleaved (one of each tool per round) so machine noise hits
# all alike. Prints medians and ratios. Installs pandoc, chromium,
# libreoffice-writer-nogui, poppler-utils and bc from apt, and the Typst
# package from npm (into ~/.cache/briefsmith-bench), only when missing; a
# peer that cannot be installed is skipped with a message, never silently.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
rounds_small=${ROUNDS_SMALL:-15}
rounds_big=${ROUNDS_BIG:-3}

need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v bc >/dev/null || need+=(bc)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

typst_dir=${TYPST_DIR:-$HOME/.cache/briefsmith-bench}
have_typst=0
if command -v node >/dev/null && command -v npm >/dev/null; then
  if [ ! -d "$typst_dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
    mkdir -p "$typst_dir"
    (cd "$typst_dir" && npm install --no-audit --no-fund --silent @myriaddreamin/typst-ts-node-compiler >/dev/null 2>&1) ||
      echo "bench-peers: npm could not install @myriaddreamin/typst-ts-node-compiler; Typst is skipped" >&2
  fi
  if [ -d "$typst_dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
    cat >"$typst_dir/compile.js" <<'JS'
// Compiles a Typst file to PDF: node compile.js IN.typ OUT.pdf
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const fs = require('fs');
const [input, output] = process.argv.slice(2);
fs.writeFileSync(output, NodeCompiler.create().pdf({ mainFileContent: fs.readFileSync(input, 'utf8') }));
JS
    have_typst=1
  fi
else
  echo "bench-peers: node and npm are not installed; Typst is skipped (apt install nodejs npm)" >&2
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/briefsmith" .
go build -o "$work/floor" ./scripts/floor
go build -o "$work/md2typst" ./scripts/md2typst
go run ./scripts/genpacket -n 1000 -o "$work/big.briefing"
go run ./scripts/genpacket -n 5000 -o "$work/cap.briefing"
cp assets/samples/staff.briefing "$work/sample.briefing"
profile="$work/chromium-profile"

for name in sample big; do
  "$work/briefsmith" export "$work/$name.briefing" --format md -o "$work/$name.md" >/dev/null 2>&1
  "$work/briefsmith" export "$work/$name.briefing" -o "$work/$name-ref.pdf" >/dev/null 2>&1
  pdftotext "$work/$name-ref.pdf" "$work/$name.txt"
  pandoc "$work/$name.md" -s --metadata title="$name" -o "$work/$name.html"
  pandoc "$work/$name.md" -o "$work/$name.docx"
  "$work/md2typst" <"$work/$name.md" >"$work/$name.typ"
done

now() { date +%s%N; }
# ms runs a command and prints its wall time in milliseconds, to 0.1 ms.
ms() {
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>&1
  t1=$(now)
  echo "scale=1; ($t1 - $t0) / 1000000" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# The tools, each as a function of the case name, in the order they run
# in every round.
t_briefsmith() { "$work/briefsmith" export "$work/$1.briefing" -o "$work/$1-bs.pdf"; }
t_floor() { "$work/floor" "$work/$1.txt" "$work/$1-floor.pdf"; }
t_typst() { node "$typst_dir/compile.js" "$work/$1.typ" "$work/$1-typst.pdf"; }
t_chromium() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$work/$1-chromium.pdf" "file://$work/$1.html"
}
t_libreoffice() {
  soffice --headless --norestore --convert-to pdf --outdir "$work/lo" "$work/$1.docx" &&
    mv "$work/lo/$1.pdf" "$work/$1-libreoffice.pdf"
}
tools=(briefsmith floor)
[ "$have_typst" = 1 ] && tools+=(typst)
tools+=(chromium libreoffice)
pdf_of() { case $2 in briefsmith) echo "$work/$1-bs.pdf" ;; *) echo "$work/$1-$2.pdf" ;; esac; }

run_case() {
  local name=$1 rounds=$2 t
  for t in "${tools[@]}"; do : >"$work/$name.$t"; rm -f "$(pdf_of "$name" "$t")"; done
  for _ in $(seq "$rounds"); do
    for t in "${tools[@]}"; do ms "t_$t" "$name" >>"$work/$name.$t"; done
  done
  for t in "${tools[@]}"; do
    [ -s "$(pdf_of "$name" "$t")" ] || { echo "bench-peers: $t wrote no PDF for $name; the timing would be meaningless" >&2; exit 1; }
  done
  local bs line
  bs=$(median <"$work/$name.briefsmith")
  line=$(printf '%-7s %2d rounds, median ms:  briefsmith %s' "$name" "$rounds" "$bs")
  for t in "${tools[@]:1}"; do
    local m
    m=$(median <"$work/$name.$t")
    if [ "$t" = floor ]; then
      line+=$(printf '   floor %s (briefsmith %.2f× it)' "$m" "$(echo "$bs / $m" | bc -l)")
    else
      line+=$(printf '   %s %s (%.1f×)' "$t" "$m" "$(echo "$m / $bs" | bc -l)")
    fi
  done
  echo "$line"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); medians of interleaved whole-process runs"
echo "(×: how many times longer the peer takes than briefsmith; pages: $(pdfinfo "$work/sample-ref.pdf" | awk '/^Pages/ {print $2}') and $(pdfinfo "$work/big-ref.pdf" | awk '/^Pages/ {print $2}'))"
run_case sample "$rounds_small"
run_case big "$rounds_big"

# Peak memory (maximum resident set) and time of one export each, the
# 5,000-section packet being the cap on sections.
for name in sample big cap; do
  /usr/bin/time -f "%M %e" -o "$work/$name.mem" "$work/briefsmith" export "$work/$name.briefing" -o "$work/$name-mem.pdf" >/dev/null 2>&1
  read -r kib secs <"$work/$name.mem"
  printf '%-7s peak %5.1f MiB, %s s, %s pages\n' "$name" "$(echo "$kib / 1024" | bc -l)" "$secs" \
    "$(pdfinfo "$work/$name-mem.pdf" | awk '/^Pages/ {print $2}')"
done
