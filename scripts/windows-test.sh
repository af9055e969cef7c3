#!/usr/bin/env bash
# Tests the Windows build under Wine, headless (Xvfb), in a Wine prefix of
# its own under a temporary folder (never ~/.wine):
#   1. builds it (scripts/windows-build.sh; SKIP_BUILD=1 uses build/windows)
#   2. exports the three samples as PDF and .docx with briefsmith.com, and one
#      with the app's briefsmith.exe, byte-identical to the Linux build's
#   3. the hostile-input corpus (briefing/testdata/hostile) and a set of
#      refusals (missing file, reserved and unportable names, folders):
#      the same exit status and the same messages as on Linux; Windows'
#      own rules (a read-only file is not replaced, "-o NUL" discards)
#   4. installs the MSI quietly, checks the files, the Start menu entry and
#      the .briefing type in the registry, opens a packet through the
#      association, exports with the installed program, uninstalls and
#      checks that no file or registry key is left
#   5. starts the app, checks that its window is up and not blank, and
#      keeps the screenshot (SCREENSHOT=path copies it there)
# It ends with "N passed, N failed" and fails if any check did.
#
# Test equipment: Wine 8.0 (Debian 12) lacks bcryptprimitives.dll, whose
# ProcessPrng every Go 1.24+ Windows program loads at start; the stand-in
# scripts/wine/processprng.c is built with mingw and copied into this
# prefix's system32. Real Windows has the real DLL. Wine 8 also reads file
# associations from HKLM\Software\Classes only, not the per-user
# HKCU\Software\Classes that Windows merges into HKEY_CLASSES_ROOT: the
# association is checked in HKCU, its open command is run as Explorer runs
# it, and for "start file.briefing" the two keys are mirrored into HKLM
# for that one check and removed again.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
GO=${GO:-go}
OUT=$root/build/windows
started=$(date +%s)

pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   $*"; }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
check() { # check DESCRIPTION COMMAND...
	local what=$1
	shift
	if "$@"; then ok "$what"; else bad "$what"; fi
}

if [ "${SKIP_BUILD:-}" != 1 ]; then
	GO=$GO ./scripts/windows-build.sh || { echo "windows-test: the build failed"; echo "0 passed, 1 failed"; exit 1; }
fi
VERSION=$(sed -n 's/^Version *= *"\(.*\)"$/\1/p' FyneApp.toml)
MSI=$OUT/Briefsmith-$VERSION-windows-amd64.msi
for f in briefsmith.exe briefsmith.com "$(basename "$MSI")"; do
	[ -f "$OUT/$f" ] || { echo "windows-test: $OUT/$f is missing"; echo "0 passed, 1 failed"; exit 1; }
done

WINE=${WINE:-$(command -v wine64 || echo /usr/lib/wine/wine64)}
WINESERVER=${WINESERVER:-$(command -v wineserver || echo /usr/lib/wine/wineserver)}
[ -x "$WINE" ] || { echo "windows-test: no wine64 (apt-get install wine64)"; echo "0 passed, 1 failed"; exit 1; }

T=$(mktemp -d "${TMPDIR:-/tmp}/briefsmith-wine.XXXXXX")
export WINEPREFIX=$T/prefix WINEARCH=win64 WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" LANG=${LANG:-C.UTF-8}
# A display of our own: the first free number from 77.
n=77
while [ -e /tmp/.X11-unix/X$n ] || [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
Xvfb :$n -screen 0 1600x1000x24 -nolisten tcp >"$T/xvfb.log" 2>&1 &
xvfb=$!
export DISPLAY=:$n
cleanup() {
	"$WINESERVER" -k >/dev/null 2>&1 || true
	kill "$xvfb" 2>/dev/null || true
	wait "$xvfb" 2>/dev/null || true
	if [ "${KEEP:-}" = 1 ]; then echo "windows-test: kept $T"; else rm -rf "$T"; fi
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done

w() { "$WINE" "$@" </dev/null; } # a Windows program, its output and status as from a console

# 1. The prefix and the stand-in ------------------------------------------
"$WINE" wineboot -i >"$T/wineboot.log" 2>&1
"$WINESERVER" -w
x86_64-w64-mingw32-gcc -shared -O2 -o "$T/bcryptprimitives.dll" scripts/wine/processprng.c
cp "$T/bcryptprimitives.dll" "$WINEPREFIX/drive_c/windows/system32/"
check "briefsmith.com runs (version)" test "$(w "$OUT/briefsmith.com" version 2>&1 | tr -d '\r')" = "briefsmith $VERSION"

# The Linux build to compare with: the same command line, from the same code.
LIN=$T/linux/briefsmith
"$GO" build -o "$LIN" ./cmd/briefsmith-cli || { bad "Linux build"; }

# run SIDE DIR ARGS...: runs the Linux (lin) or Windows (win) command line
# in DIR, keeping its status and output in DIR/{status,stdout,stderr}.
run() {
	local side=$1 dir=$2
	shift 2
	mkdir -p "$dir"
	if [ "$side" = lin ]; then
		(cd "$dir" && "$LIN" "$@" >stdout 2>stderr; echo $? >status)
	else
		(cd "$dir" && "$WINE" "$WINCLI" "$@" </dev/null >stdout 2>stderr; echo $? >status)
		# Wine's own client can lose its server mid-run ("wine client
		# error: recvmsg: Connection reset by peer"; seen once in five
		# clean runs), or Wine fault in a thread of its own ("wine:
		# Unhandled page fault on read access to 0000000000000008 …
		# starting debugger", seen once in six, the program's status and
		# output those of Linux): the test equipment failed, not the
		# program, so the run is made again, once — a fault of the
		# program's own would come again and fail the comparison.
		if grep -q -e '^wine client error' -e '^wine: Unhandled page fault' "$dir/stderr"; then
			echo "note: wine failed; running again: $*" >&2
			(cd "$dir" && "$WINE" "$WINCLI" "$@" </dev/null >stdout 2>stderr; echo $? >status)
		fi
		sed -i 's/\r$//' "$dir/stdout" "$dir/stderr"
	fi
}
# same DIR [FILE [LABEL]]: the two sides' status and messages in DIR agree,
# and FILE, if given, is byte-identical (or absent on both).
same() {
	local name=${3:-$1} file=${2:-} l=$T/cmp/lin/$1 wd=$T/cmp/win/$1 why=""
	for part in status stdout stderr; do
		if ! cmp -s "$l/$part" "$wd/$part"; then
			why="$why $part differs:"$'\n'"$(diff "$l/$part" "$wd/$part" | head -8)"
		fi
	done
	if [ -n "$file" ]; then
		if [ -e "$l/$file" ] || [ -e "$wd/$file" ]; then
			cmp -s "$l/$file" "$wd/$file" || why="$why $file differs"
		fi
	fi
	if [ -z "$why" ]; then ok "$name (status $(cat "$l/status"))"; else bad "$name:$why"; fi
}

mkdir -p "$T/cmp/samples" "$T/cmp/empty" "$T/cmp/hostile"
cp assets/samples/*.briefing "$T/cmp/samples/"
cp briefing/testdata/hostile/* "$T/cmp/hostile/"
WINCLI=$OUT/briefsmith.com

# 2. The samples, byte for byte -----------------------------------------------
for s in staff classroom client; do
	for f in pdf docx; do
		for side in lin win; do
			run $side "$T/cmp/$side/$s-$f" export ../../samples/$s.briefing --templates ../../empty -o $s.$f
		done
		same "$s-$f" $s.$f
	done
done
WINCLI=$OUT/briefsmith.exe # the app's program, given a command
for side in lin win; do
	run $side "$T/cmp/$side/exe-staff-pdf" export ../../samples/staff.briefing --templates ../../empty -o staff.pdf
done
same exe-staff-pdf staff.pdf "staff-pdf by briefsmith.exe export"
WINCLI=$OUT/briefsmith.com

# 3. Hostile input and refusals ---------------------------------------------
# tw DIR: a folder given as ../../x comes back from Windows as ..\..\x\file.
tw() { sed -i 's#\.\.\\\.\.\\\([a-z]*\)\\#../../\1/#g' "$T/cmp/win/$1/stdout" "$T/cmp/win/$1/stderr"; }
for p in "$T"/cmp/hostile/*.briefing; do
	b=$(basename "$p" .briefing)
	for side in lin win; do
		run $side "$T/cmp/$side/hostile-$b" export ../../hostile/$b.briefing --templates ../../empty -o out.pdf
	done
	tw "hostile-$b"
	same "hostile-$b" out.pdf
done
for side in lin win; do
	run $side "$T/cmp/$side/hostile-templates" templates --templates ../../hostile
	run $side "$T/cmp/$side/hostile-validate" validate ../../samples/staff.briefing --templates ../../hostile
done
tw hostile-templates
tw hostile-validate
same hostile-templates "" "hostile templates (list)"
same hostile-validate "" "hostile templates (validate)"

refuse() { # refuse NAME ARGS...: both refuse (or not) alike
	local name=$1
	shift
	for side in lin win; do
		mkdir -p "$T/cmp/$side/$name/folder.pdf" "$T/cmp/$side/$name/out"
		echo x >"$T/cmp/$side/$name/file.txt"
		run $side "$T/cmp/$side/$name" "$@"
	done
	same "$name"
}
# A template written on Windows (CRLF line endings) reads as on Linux.
mkdir -p "$T/cmp/crlf"
printf -- '---\r\nid: windows-note\r\ntitle: Written on Windows\r\nkind: custom\r\n---\r\n## A heading\r\n\r\nText with [Owner]; a second line\r\nand a list:\r\n\r\n- one\r\n- two\r\n' >"$T/cmp/crlf/windows-note.md"
for side in lin win; do
	run $side "$T/cmp/$side/crlf-templates" templates --templates ../../crlf
	run $side "$T/cmp/$side/crlf-validate" validate ../../samples/staff.briefing --templates ../../crlf
done
tw crlf-templates
tw crlf-validate
same crlf-templates "" "a CRLF template is listed alike"
same crlf-validate "" "a CRLF template validates alike"
if grep -q "windows-note.*Written on Windows" "$T/cmp/win/crlf-templates/stdout" && ! grep -q $'\r' "$T/cmp/lin/crlf-templates/stdout"; then
	ok "the CRLF template's title reads without its CR"
else
	bad "CRLF template: $(cat -A "$T/cmp/lin/crlf-templates/stdout" | grep windows-note)"
fi

refuse missing-packet export nothing.briefing -o out.pdf
refuse missing-folder export ../../samples/staff.briefing --templates ../../empty -o no/such/deep/x.pdf
refuse reserved-con export ../../samples/staff.briefing --templates ../../empty -o CON.pdf
refuse reserved-aux-docx export ../../samples/staff.briefing --templates ../../empty -o aux.docx
refuse reserved-com1 export ../../samples/staff.briefing --templates ../../empty -o out/com1.pdf
refuse reserved-lpt9-packet new -o LPT9.briefing
refuse colon export ../../samples/staff.briefing --templates ../../empty -o out/note:1.pdf
refuse question export ../../samples/staff.briefing --templates ../../empty -o 'why?.pdf'
refuse pipe-char export ../../samples/staff.briefing --templates ../../empty -o 'a|b.pdf'
refuse trailing-dot export ../../samples/staff.briefing --templates ../../empty -o 'x.pdf.'
refuse trailing-space export ../../samples/staff.briefing --templates ../../empty -o 'x.pdf '
refuse folder-output export ../../samples/staff.briefing --templates ../../empty -o folder.pdf
refuse folder-slash export ../../samples/staff.briefing --templates ../../empty -o out/
refuse through-file export ../../samples/staff.briefing --templates ../../empty -o file.txt/x.pdf
refuse wrong-ending export ../../samples/staff.briefing --templates ../../empty -o x.docx --format pdf
refuse bad-flag new --no-such-flag
refuse unknown-command frobnicate

# Windows' own: "-o NUL" is the null device there (as /dev/null); a
# read-only file is not replaced (Linux renames over it), and says so.
d=$T/cmp/win/nul
run win "$d" export ../../samples/staff.briefing --templates ../../empty -o NUL
if ! check "-o NUL discards the PDF (status $(cat "$d/status"))" test "$(cat "$d/status")" = 0 -a "$(ls "$d")" = "$(printf 'status\nstderr\nstdout')"; then
	tail -5 "$d/stderr"
	ls "$d"
fi
# kept DIR FILE WORDS: the export into DIR failed (status 1), FILE still
# holds "old", no temporary file is left, and the message has WORDS.
kept() {
	sed -i 's/\r$//' "$1/stderr"
	local said
	said=$(grep "could not be saved" "$1/stderr")
	if [ "$(cat "$1/status")" = 1 ] && [ "$(head -c 3 "$1/$2")" = old ] && [ -z "$(find "$1" -name '*.tmp')" ] &&
		[[ $said == *"$3"* ]]; then
		ok "$4 (status 1): ${said#briefsmith export: }"
	else
		bad "$4: status $(cat "$1/status"), said: $(tail -2 "$1/stderr")"
	fi
}
d=$T/cmp/win/readonly
mkdir -p "$d"
echo "old" >"$d/ro.pdf"
chmod 444 "$d/ro.pdf" # Windows sees the Read-only attribute
(cd "$d" && "$WINE" "$WINCLI" export ../../samples/staff.briefing --templates ../../empty -o ro.pdf </dev/null >stdout 2>stderr; echo $? >status)
kept "$d" ro.pdf "the file there is read-only" "a read-only file is not replaced"
# A file another program has open (here cmd.exe's redirection, held while
# "pause" waits on a pipe; like most programs, it does not share the file
# for deletion) cannot be renamed over on Windows; Wine enforces that too.
d=$T/cmp/win/held
mkdir -p "$d"
echo "old" >"$d/held.pdf"
(cd "$d" && sleep 15 | timeout 30 "$WINE" cmd /c "pause >> held.pdf" >/dev/null 2>&1 &)
sleep 3
(cd "$d" && "$WINE" "$WINCLI" export ../../samples/staff.briefing --templates ../../empty -o held.pdf </dev/null >stdout 2>stderr; echo $? >status)
kept "$d" held.pdf "another program has the file open" "a file open in another program is not replaced"
d=$T/cmp/win/replace
mkdir -p "$d"
echo "old" >"$d/old.pdf"
(cd "$d" && "$WINE" "$WINCLI" export ../../samples/staff.briefing --templates ../../empty -o old.pdf >stdout 2>stderr; echo $? >status)
check "an existing file is replaced (status $(cat "$d/status"))" cmp -s "$d/old.pdf" "$T/cmp/lin/staff-pdf/staff.pdf"

# 4. The installer ----------------------------------------------------------
user=$(cd "$WINEPREFIX/drive_c/users" && ls | grep -v -x Public | head -1)
home=$WINEPREFIX/drive_c/users/$user
inst=$home/AppData/Local/Programs/Briefsmith
lnk="$home/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Briefsmith.lnk"
reg_has() { "$WINE" reg query "$1" >/dev/null 2>&1; }
keys=('HKCU\Software\Classes\.briefing' 'HKCU\Software\Classes\Briefsmith.Packet' 'HKCU\Software\Briefsmith')

msi=$("$WINE" winepath -w "$MSI" 2>/dev/null | tr -d '\r')
w msiexec /i "$msi" /qn
check "msiexec /i /qn installs (status $?)" test -f "$inst/briefsmith.exe" -a -f "$inst/briefsmith.com"
check "README.txt and THIRD-PARTY-NOTICES.txt installed" test -f "$inst/README.txt" -a -f "$inst/THIRD-PARTY-NOTICES.txt"
check "Start menu entry" test -f "$lnk"
cmd=$("$WINE" reg query 'HKCU\Software\Classes\Briefsmith.Packet\shell\open\command' 2>/dev/null | tr -d '\r' | sed -n 's/^ *(Default) *REG_SZ *//p')
check "open command registered: $cmd" test "$cmd" = "\"C:\\users\\$user\\AppData\\Local\\Programs\\Briefsmith\\briefsmith.exe\" \"%1\""
progid=$("$WINE" reg query 'HKCU\Software\Classes\.briefing' 2>/dev/null | tr -d '\r' | sed -n 's/^ *(Default) *REG_SZ *//p')
check ".briefing is Briefsmith.Packet ($progid)" test "$progid" = Briefsmith.Packet
check "the type's icon" reg_has 'HKCU\Software\Classes\Briefsmith.Packet\DefaultIcon'

# window TITLE SECONDS: the app's window with TITLE in its name is up.
window() {
	local i
	for i in $(seq $(($2 * 4))); do
		xdotool search --name "$1" >/dev/null 2>&1 && return 0
		sleep 0.25
	done
	return 1
}
closeapp() { # ends the app's processes in this prefix, and only them
	"$WINESERVER" -k >/dev/null 2>&1
	"$WINESERVER" -w >/dev/null 2>&1
}
cp assets/samples/client.briefing "$T/client.briefing"
packet=$("$WINE" winepath -w "$T/client.briefing" 2>/dev/null | tr -d '\r')
# As Explorer does on a double click: the registered command, %1 the file.
open=${cmd//%1/$packet}
(eval "\"$WINE\" cmd /c start \"\" $open" >/dev/null 2>&1 &)
check "the registered command opens client.briefing in the app" window "client.briefing — Briefsmith" 60
closeapp
# As "start" does it, through the shell's association lookup (the keys
# mirrored into HKLM for Wine 8, see the top).
mirror="$T/mirror.reg"
{
	echo "Windows Registry Editor Version 5.00"
	for k in '.briefing' 'Briefsmith.Packet'; do
		"$WINE" reg export "HKCU\\Software\\Classes\\$k" "$T/k.reg" /y </dev/null >/dev/null 2>&1
		iconv -f UTF-16 -t UTF-8 "$T/k.reg" | tail -n +2 | tr -d '\r'
	done
} | sed 's/HKEY_CURRENT_USER\\Software\\Classes/HKEY_LOCAL_MACHINE\\Software\\Classes/' >"$mirror"
"$WINE" reg import "$mirror" >/dev/null 2>&1
(timeout 60 "$WINE" start /unix "$T/client.briefing" >/dev/null 2>&1 &)
check "start client.briefing opens it through the association" window "client.briefing — Briefsmith" 60
closeapp
"$WINE" reg delete 'HKLM\Software\Classes\.briefing' /f >/dev/null 2>&1
"$WINE" reg delete 'HKLM\Software\Classes\Briefsmith.Packet' /f >/dev/null 2>&1

WINCLI=$inst/briefsmith.com
for side in lin win; do
	run $side "$T/cmp/$side/installed" export ../../samples/classroom.briefing --templates ../../empty -o classroom.docx
done
same installed classroom.docx "the installed briefsmith.com exports classroom.docx"
WINCLI=$OUT/briefsmith.com

w msiexec /x "$msi" /qn
check "msiexec /x /qn removes the program folder" test ! -e "$inst"
check "and LocalAppData\\Programs, which it made" test ! -e "$home/AppData/Local/Programs"
check "and the Start menu entry" test ! -e "$lnk"
for k in "${keys[@]}"; do
	check "and $k" sh -c "! \"$WINE\" reg query '$k' >/dev/null 2>&1"
done

# 5. The app's window ---------------------------------------------------------
(cd "$T" && "$WINE" "$OUT/briefsmith.com" >/dev/null 2>&1) # no arguments: starts the app beside it
check "briefsmith.com with no arguments starts the app" window "Briefsmith" 60
closeapp
("$WINE" "$OUT/briefsmith.exe" "$T/client.briefing" >"$T/app.log" 2>&1 &)
if window "client.briefing — Briefsmith" 60; then
	ok "the app's window is up"
	id=$(xdotool search --name "client.briefing — Briefsmith" | head -1)
	xdotool windowsize "$id" 1280 800 windowmove "$id" 0 0 >/dev/null 2>&1
	sleep 6
	# With no window id, import waits for a click forever: the window
	# gone in the meantime is a failure, not a hang.
	[ -n "$id" ] && timeout 30 import -window "$id" "$T/app.png" || { tail -20 "$T/app.log"; : >"$T/app.png"; }
	colours=$(convert "$T/app.png" -format '%k' info: 2>/dev/null || echo 0)
	spread=$(convert "$T/app.png" -format '%[fx:int(1000*standard_deviation)]' info: 2>/dev/null || echo 0)
	check "the window is not blank ($colours colours, spread $spread/1000)" test "$colours" -gt 200 -a "$spread" -gt 50
	[ -n "${SCREENSHOT:-}" ] && cp "$T/app.png" "$SCREENSHOT" && echo "     screenshot: $SCREENSHOT"
else
	bad "the app's window is up"
	tail -20 "$T/app.log"
fi
closeapp

echo "windows-test: $(($(date +%s) - started)) s"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
