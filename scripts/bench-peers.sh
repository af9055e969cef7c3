#!/usr/bin/env bash
# Times `briefsmith export` against the tools users would otherwise use on
# the same content: headless Chromium printing pandoc's HTML of the Markdown
# export, and LibreOffice converting pandoc's DOCX of it. Runs are
# interleaved (one of each tool per round) so machine noise hits all alike.
# Prints medians and ratios. Installs pandoc, chromium and
# libreoffice-writer-nogui from apt only when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
export LANG=C.UTF-8
rounds_small=${ROUNDS_SMALL:-7}
rounds_big=${ROUNDS_BIG:-3}

need=()
command -v pandoc >/dev/null || need+=(pandoc)
command -v chromium >/dev/null || need+=(chromium)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v bc >/dev/null || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/briefsmith" .
go run ./scripts/genpacket -n 1000 -o "$work/big.briefing"
cp assets/samples/staff.briefing "$work/sample.briefing"
profile="$work/chromium-profile"

for name in sample big; do
  "$work/briefsmith" export "$work/$name.briefing" --format md -o "$work/$name.md" >/dev/null 2>&1
  pandoc "$work/$name.md" -s --metadata title="$name" -o "$work/$name.html"
  pandoc "$work/$name.md" -o "$work/$name.docx"
done

now() { date +%s%N; }
# ms runs a command and prints its wall time in milliseconds.
ms() {
  local t0 t1
  t0=$(now)
  "$@" >/dev/null 2>&1
  t1=$(now)
  echo $(( (t1 - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

run_case() {
  local name=$1 rounds=$2
  : >"$work/$name.bs"; : >"$work/$name.cr"; : >"$work/$name.lo"
  for _ in $(seq "$rounds"); do
    ms "$work/briefsmith" export "$work/$name.briefing" -o "$work/$name-bs.pdf" >>"$work/$name.bs"
    ms chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$profile" --no-pdf-header-footer \
      --print-to-pdf="$work/$name-cr.pdf" "file://$work/$name.html" >>"$work/$name.cr"
    ms soffice --headless --norestore --convert-to pdf --outdir "$work/lo" "$work/$name.docx" >>"$work/$name.lo"
  done
  for f in "$work/$name-bs.pdf" "$work/$name-cr.pdf" "$work/lo/$name.pdf"; do
    [ -s "$f" ] || { echo "bench-peers: $f was not produced; the timing would be meaningless" >&2; exit 1; }
  done
  local bs cr lo
  bs=$(median <"$work/$name.bs"); cr=$(median <"$work/$name.cr"); lo=$(median <"$work/$name.lo")
  printf '%-8s %4d rounds  briefsmith %7s ms   chromium %7s ms (%5.0f×)   libreoffice %7s ms (%5.0f×)\n' \
    "$name" "$rounds" "$bs" "$cr" "$(echo "$cr / $bs" | bc -l)" "$lo" "$(echo "$lo / $bs" | bc -l)"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -m); medians of interleaved runs"
run_case sample "$rounds_small"
run_case big "$rounds_big"
