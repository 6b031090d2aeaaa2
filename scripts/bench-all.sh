#!/usr/bin/env bash
# Reruns every figure of BENCHMARKS.md on this machine, each beside its anchor measured in the
# same run, and prints the tables in Markdown (also written to target/bench-all/tables.md).
#
#   scripts/bench-all.sh [--no-window] [--no-dist]
#
# Needs: a Rust toolchain, python3 with venv (reportlab and Typst are pinned into
# target/bench-venv), curl, /usr/bin/time; for the desk in the real window xvfb, xdotool,
# imagemagick and Mesa (libgl1-mesa-dri); `--no-window` leaves that out. The `dist` build takes
# some 15 minutes from cold; `--no-dist` leaves it out. Nothing else should run meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
window=1
dist=1
for arg in "$@"; do
  case "$arg" in
    --no-window) window=0 ;;
    --no-dist) dist=0 ;;
    *) echo "usage: scripts/bench-all.sh [--no-window] [--no-dist]" >&2; exit 2 ;;
  esac
done
for tool in curl python3; do
  command -v "$tool" >/dev/null || { echo "bench-all.sh needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "bench-all.sh needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
target=${CARGO_TARGET_DIR:-target}
out=$target/bench-all
mkdir -p "$out"
log() { printf '==> %s\n' "$*" >&2; }

log "reference tools (reportlab 5.1.0, Typst 0.15.0) in $target/bench-venv"
[ -x "$target/bench-venv/bin/python" ] || python3 -m venv "$target/bench-venv"
"$target/bench-venv/bin/pip" install -q reportlab==5.1.0 typst==0.15.0
py=$target/bench-venv/bin/python

log "release build and criterion benches (pdf, export, desk)"
cargo build --release --quiet
KIRJAAMO_BENCH_INPUTS=$out cargo bench --quiet --bench pdf --bench export --bench desk 2>"$out/bench.stderr" \
  | tee "$out/bench.stdout" >/dev/null

# The criterion median of a bench, in ms: its folder under target/criterion.
median() {
  local file
  file=$(find "$target/criterion" -path "*$1*/new/estimates.json" | head -1)
  [ -n "$file" ] || { echo "?"; return; }
  python3 -c 'import json,sys; print("%.2f" % (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e6))' "$file"
}
# A PDF's size in KB from the bench's own line ("typical: 29 fields, 2 pages, 20467 bytes (20.0 KB)").
size_kb() { sed -n "s/^$1: .*(\(.*\) KB)$/\1/p" "$out/bench.stderr" | head -1; }

log "reportlab and Typst on the same forms"
for form in "$out/typical.json" tests/pdf_corpus/08-300-fields.json; do
  name=$(basename "$form" .json)
  "$py" benches/reference/reportlab_form.py "$form" 20 >"$out/reportlab-$name.txt"
  "$py" benches/reference/typst_form.py "$form" 20 >"$out/typst-$name.txt"
done
ref() { sed -n 's/.*: [0-9]* bytes (\(.*\) KB), \(.*\) ms per PDF/\1 KB, \2 ms/p' "$out/$1-$2.txt"; }

log "a filing's requests from a minimal client, and a 1 GiB attachment streamed"
python3 benches/reference/filing_http.py "$target/release/kirjaamo" 40 >"$out/filing-reference.txt"
benches/reference/stream_1gb.sh >"$out/stream.txt"

log "a morning's batch: 300 transactions at 0/20/40 ms, N = 1/4/8; the desk's bulk filing of 40 rows"
python3 scripts/bench-batch.py "$target/release/kirjaamo" 300 >"$out/batch.txt"
cargo bench --quiet --bench bulk 2>/dev/null | grep '^|' >"$out/bulk.txt"

log "sandbox start"
python3 scripts/bench-sandbox-start.py "$target/release/kirjaamo" >"$out/sandbox.txt"
floor=$(python3 - "$target/release/kirjaamo" <<'PY'
import statistics, subprocess, sys, time
runs = []
for _ in range(20):
    start = time.perf_counter()
    subprocess.run([sys.argv[1], "--version"], check=True, stdout=subprocess.DEVNULL)
    runs.append(time.perf_counter() - start)
print("%.3f" % statistics.median(runs))
PY
)

if [ "$window" = 1 ]; then
  log "the desk in the real window (Xvfb, 1920x1080)"
  python3 scripts/bench-desk.py "$target/release/kirjaamo" --runs 3 >"$out/desk.txt"
fi

log "binary sizes"
cp "$target/release/kirjaamo" "$out/kirjaamo-release" && strip "$out/kirjaamo-release"
release_mb=$(python3 -c 'import os,sys; print("%.1f" % (os.path.getsize(sys.argv[1]) / 1e6))' "$out/kirjaamo-release")
dist_mb="not built (--no-dist)"
if [ "$dist" = 1 ]; then
  cargo build --profile dist --quiet
  dist_mb=$(python3 -c 'import os,sys; print("%.1f MB" % (os.path.getsize(sys.argv[1]) / 1e6))' "$target/dist/kirjaamo")
fi

cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)
os=$(. /etc/os-release && echo "$PRETTY_NAME")
{
  echo "Machine: $(nproc) cores of $cpu, $mem, $os, $(rustc --version | cut -d' ' -f1-2); $(date -u +%Y-%m-%d)."
  echo
  echo "### PDF"
  echo
  echo "| case | Kirjaamo | reportlab 5.1.0 | Typst 0.15.0 |"
  echo "|---|---|---|---|"
  echo "| typical form (seed, $(sed -n 's/^typical: \([0-9]*\) fields, \([0-9]*\) pages.*/\1 fields, \2 pages/p' "$out/bench.stderr")) | $(size_kb typical) KB, $(median 'render typical form') ms | $(ref reportlab typical) | $(ref typst typical) |"
  echo "| 300-field form (\`08-300-fields.json\`) | $(size_kb '300 fields') KB, $(median 'render 300-field form') ms | $(ref reportlab 08-300-fields) | $(ref typst 08-300-fields) |"
  echo "| emoji form (\`04-emoji.json\`) | $(size_kb emoji) KB, $(median 'render emoji form') ms | | |"
  echo "| Arabic and Persian form (\`28-arabic-persian.json\`) | $(size_kb arabic) KB, $(median 'render Arabic and Persian form') ms | | |"
  echo "| subset one face to the typical form's characters | $(median 'subset regular face') ms | | |"
  echo "| preview: open the typical PDF, draw page 1 at 1000 px (hayro) | $(median 'open and draw page 1') ms | | |"
  echo
  echo "### Export"
  echo
  echo "| case | Kirjaamo | anchor |"
  echo "|---|---|---|"
  echo "| one new-case filing: form PDF + 3 × 1 MB attachments + assignment, in-process sandbox | $(median 'new-case filing') ms | $(cat "$out/filing-reference.txt") |"
  echo "| a 1 GiB attachment streamed outbox → TWeb by \`kirjaamo export --id\`, sandbox in its own process | $(sed -n 's/^kirjaamo: //p' "$out/stream.txt") | curl $(sed -n 's/^curl: //p' "$out/stream.txt") |"
  echo
  echo "### Filings in parallel"
  echo
  grep '^|' "$out/batch.txt"
  echo
  cat "$out/bulk.txt"
  echo
  echo "### Desk"
  echo
  echo "| case | figure |"
  echo "|---|---|"
  echo "| idle frame, 10,000 pending (criterion) | $(median 'idle frame') ms |"
  echo "| scroll frame | $(median 'scroll frame') ms |"
  echo "| filter keystroke over 10,000 rows | $(median 'filter keystroke') ms |"
  if [ "$window" = 1 ]; then
    # Each browse's peaks, named by how it drew: ahead (as a clerk has it) or cold.
    awk '/^demo click/ { sub(/^demo click to inbox drawn: /, ""); print "| demo click to inbox drawn (real window) | " $0 " |" }
      /^down to drawn preview/ { line = $0; sub(/^down to drawn preview \(/, "", line); split(line, p, "\\): ");
        how = p[1]; print "| ↓ to drawn preview, " how " | " p[2] " |" }
      /^  peak RSS after/ { line = $0; sub(/^  peak RSS after /, "", line); i = index(line, ": ");
        print "| peak RSS after " substr(line, 1, i - 1) ", " how " | " substr(line, i + 2) " |" }' "$out/desk.txt"
  fi
  echo
  echo "### Sandbox"
  echo
  echo "| case | figure | anchor |"
  echo "|---|---|---|"
  echo "| start to first answer | $(sed -n 's/^sandbox start to first answer: //p' "$out/sandbox.txt") | the same binary's \`--version\`: ${floor} s |"
  echo
  echo "### Binary"
  echo
  echo "| build | size |"
  echo "|---|---|"
  echo "| \`release\`, stripped | $release_mb MB |"
  echo "| \`dist\` | $dist_mb |"
} | tee "$out/tables.md"
