#!/usr/bin/env bash
# Drives the real release window under Xvfb with xdotool, as a clerk would, and takes a
# screenshot after each step: kittest is necessary, not enough (fast key chords, the selection
# scrolling away and wrong-language errors show only in the real window).
#
#   scripts/real-window.sh 1366x768 [out-dir] [binary]
#
# Needs Xvfb (xvfb), xdotool, import (imagemagick) and curl, and a release build
# (cargo build --release). It starts its own Xvfb on a free display and ends only the processes
# it started. Look at every screenshot it writes.
set -euo pipefail
SIZE=${1:-1366x768}
OUT=${2:-target/real-window/$SIZE}
BIN=${3:-target/release/kirjaamo}
W_=${SIZE%x*}
H_=${SIZE#*x}
missing=()
for tool in Xvfb:xvfb xdotool:xdotool import:imagemagick curl:curl; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "real-window.sh needs: apt-get install ${missing[*]}" >&2
  exit 2
fi
[ -x "$BIN" ] || { echo "real-window.sh: no $BIN (cargo build --release)" >&2; exit 2; }
# A display nobody uses: no X socket and no lock file.
n_=97
while [ -e "/tmp/.X11-unix/X$n_" ] || [ -e "/tmp/.X$n_-lock" ]; do n_=$((n_ + 1)); done
D=:$n_
mkdir -p "$OUT"
Xvfb $D -screen 0 "${SIZE}x24" >/dev/null 2>&1 &
XV=$!
APP=
data=
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null || true
  kill "$XV" 2>/dev/null || true
  [ -n "$data" ] && rm -rf "$data"
  return 0
}
trap cleanup EXIT
export DISPLAY=$D
data=$(mktemp -d)
# eframe's own storage (window, panel widths, zoom) too: every run starts as a first one.
export KIRJAAMO_DATA_DIR=$data/data KIRJAAMO_CONFIG_DIR=$data/config XDG_DATA_HOME=$data/xdg LANG=fi_FI.UTF-8
sleep 1
"$BIN" --demo >"$OUT/app.log" 2>&1 &
APP=$!
WIN=
for _ in $(seq 1 120); do
  WIN=$(xdotool search --pid $APP 2>/dev/null | tail -1 || true)
  [ -n "$WIN" ] && break
  sleep 0.5
done
[ -n "$WIN" ] || { echo "no window"; exit 1; }
# The demo's sandbox starts after the window; then the inbox loads.
for _ in $(seq 1 120); do grep -q "sandbox listening" "$OUT/app.log" && break; sleep 0.5; done
sleep 4
xdotool windowsize "$WIN" "$W_" "$H_"
xdotool windowmove "$WIN" 0 0
sleep 1
xdotool windowfocus --sync "$WIN"
n=0
shot() { n=$((n + 1)); import -window root "$OUT/$(printf %02d $n)-$1.png"; echo "$OUT/$(printf %02d $n)-$1.png"; }
key() { xdotool key --window "$WIN" "$@"; sleep 1.2; }
shot inbox
key j
sleep 2
shot new-case
# The selection stays in view: 18 rows down.
for _ in $(seq 1 18); do xdotool key --window "$WIN" j; sleep 0.3; done
sleep 1.5
shot row-18
for _ in $(seq 1 18); do xdotool key --window "$WIN" k; sleep 0.3; done
sleep 1.5
shot back-up
key 2
shot existing-case
key 3
shot assignment-only
key 1
# One e-service (the filter), tick three rows, highlight an unticked one, and press Shift+Enter
# as one fast chord: only the ticked may be filed, after a confirmation.
key slash
xdotool type --delay 200 "Terassilupa"
sleep 1.5
key Escape
shot filtered
key j
key space
key j
key space
key j
key space
key j
xdotool key --window "$WIN" --delay 0 shift+Return
sleep 1.5
shot bulk-confirmation
key Escape
shot bulk-cancelled
xdotool key --window "$WIN" --delay 0 shift+Return
sleep 1.5
# Over a slow network the bar counts the filings under way and offers to stop them.
addr=$(grep -o "sandbox listening addr=[0-9.:]*" "$OUT/app.log" | head -1 | cut -d= -f2)
curl -s -X PUT "http://$addr/_sandbox/faults" -H 'content-type: application/json' \
  -d '{"seed":1,"rules":[{"latency_ms":400,"effect":{"kind":"delay"}}]}' >/dev/null
key Return
sleep 1.5
shot bulk-filing
curl -s -X DELETE "http://$addr/_sandbox/faults" >/dev/null
sleep 8
shot bulk-filed
# File the highlighted row with Enter.
key Return
sleep 5
shot filed
# TWeb refuses the next attachment: the failure in the clerk's words, then the failed view.
curl -s -X PUT "http://$addr/_sandbox/faults" -H 'content-type: application/json' \
  -d '{"seed":1,"rules":[{"method":"POST","path":"/documents","effect":{"kind":"status","status":422,"after":false}}]}' >/dev/null
key Escape
key slash
xdotool key --window "$WIN" ctrl+a BackSpace
sleep 1
key Escape
key j
sleep 2
key Return
sleep 4
shot failed-filing
curl -s -X DELETE "http://$addr/_sandbox/faults" >/dev/null
# The top bar's buttons sit where the 1366-wide layout puts them (left-aligned); below 1200 px
# the connection's name moves to the heading's hover and they sit 210 px further left. The
# connections button is at the right edge.
click() { xdotool mousemove --window "$WIN" "$1" "$2" click 1; sleep 2; }
OFF=0
[ "$W_" -lt 1200 ] && OFF=210
click $((606 - OFF)) 12
shot failed-view
click $((713 - OFF)) 12
sleep 1
click 100 130
shot admin
click $((W_ - 203)) 12
shot connections
key Escape
# The office's day: every clerk's filings, with this desk's among them.
click $((475 - OFF)) 12
shot day
# The first row of the list (its tool row wraps in a narrow window).
ROW_Y=118
[ "$W_" -lt 1200 ] && ROW_Y=141
click $((W_ / 2)) $ROW_Y
shot day-receipt
# Back to the inbox: a double submission's hint, a secret transaction closed, the keys.
click $((360 - OFF)) 12
key slash
xdotool key --window "$WIN" ctrl+a BackSpace
xdotool type --delay 150 "Koskinen Olli"
sleep 1.5
key Escape
key j
sleep 2
shot duplicate
key slash
xdotool key --window "$WIN" ctrl+a BackSpace
xdotool type --delay 150 "Omaishoidon"
sleep 1.5
key Escape
key j
sleep 2
shot secret-closed
xdotool key --window "$WIN" --delay 0 shift+Return
key question
shot keys-help
key Escape
# Fast keys: Enter twice 60 ms apart files the row the clerk saw, never the next one as well.
completed() {
  curl -s -H 'Authorization: Bearer epalvelu-demo-token' "http://$addr/epalvelu/api/v1/completed?limit=200" \
    | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["items"]))'
}
key slash
xdotool key --window "$WIN" ctrl+a BackSpace
xdotool type --delay 150 "Asukasp"
sleep 1.5
key Escape
key j
sleep 2
before=$(completed)
xdotool key --window "$WIN" --delay 0 Return
sleep 0.06
xdotool key --window "$WIN" --delay 0 Return
sleep 4
shot double-enter
after=$(completed)
if [ $((after - before)) -ne 1 ]; then echo "a double Enter filed $((after - before)) transactions"; exit 1; fi
# Esc mid-upload, every document upload delayed 5 s: the row says interrupted (keskeytetty), and
# still does after the refresh that follows and 10 s later; the count of Epäonnistuneet does not grow.
curl -s -X PUT "http://$addr/_sandbox/faults" -H 'content-type: application/json' \
  -d '{"seed":1,"rules":[{"method":"POST","path":"/documents","latency_ms":5000,"effect":{"kind":"delay"}}]}' >/dev/null
key Return
key Escape
sleep 2
shot cancelled
sleep 10
shot cancelled-10s
curl -s -X DELETE "http://$addr/_sandbox/faults" >/dev/null
# The access log of the session: whole, and it answers "who opened TX-…" exactly: every entry of
# the first transaction the session opened, and only its entries.
log="$KIRJAAMO_DATA_DIR/demo/access-log.sqlite"
"$BIN" audit verify --file "$log" | tee "$OUT/access-log-verify.txt"
"$BIN" audit export --file "$log" -o "$OUT/access-log.csv" 2>/dev/null
first=$(grep -m1 '"view_form"' "$OUT/access-log.csv" | cut -d';' -f8 | tr -d '"')
[ -n "$first" ] || { echo "the access log holds no view of a form"; exit 1; }
"$BIN" audit export --file "$log" --transaction "$first" -o "$OUT/access-log-first.csv" 2>/dev/null
if tail -n +2 "$OUT/access-log-first.csv" | grep -v "\"$first\"" | grep -q .; then
  echo "the answer for $first holds other transactions"; exit 1
fi
echo "access log: $(($(wc -l < "$OUT/access-log.csv") - 1)) entries; $first: $(($(wc -l < "$OUT/access-log-first.csv") - 1))"
echo "log:"; grep -v "^$" "$OUT/app.log" | tail -5 || true
