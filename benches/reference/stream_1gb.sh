#!/usr/bin/env bash
# Streams a 1 GB attachment through `kirjaamo export` against a sandbox process and compares it
# with curl moving the same bytes over loopback (download, then upload). Prints peak RSS and
# throughput (scripts/bench-all.sh puts them into BENCHMARKS.md). Needs a release build, curl and
# /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN=target/release/kirjaamo
PORT=8790
WORK=$(mktemp -d)
trap 'kill $SANDBOX 2>/dev/null || true; rm -rf "$WORK"' EXIT
mkdir -p "$WORK/data/TX-BIG"
head -c 1073741824 /dev/urandom > "$WORK/data/TX-BIG/iso-liite.bin"
cat > "$WORK/data/TX-BIG.json" <<JSON
{"id": "TX-BIG", "service": {"id": "asukaspysakointi", "name": "Asukaspysäköintitunnus"},
 "submitted_at": "2026-11-20T08:30:00Z", "language": "fi",
 "submitter": {"name": "Aino Testinen", "personal_id": null, "email": null, "phone": null, "address": null},
 "title": "Iso liite", "fields": [{"key": "plate", "label": "Rekisteritunnus", "value": "ABC-123", "kind": "text", "section": "Ajoneuvo"}],
 "attachments": [{"id": "A1", "filename": "iso-liite.bin", "content_type": "application/octet-stream"}]}
JSON
RUST_LOG=warn "$BIN" sandbox --port "$PORT" --data "$WORK/data" > /dev/null &
SANDBOX=$!
until curl -sf "http://127.0.0.1:$PORT/_sandbox/health" > /dev/null; do sleep 0.5; done
seconds() { python3 -c "import time; print(time.perf_counter())"; }
start=$(seconds)
curl -sf -H "Authorization: Bearer epalvelu-demo-token" -o /dev/null \
  "http://127.0.0.1:$PORT/epalvelu/api/v1/transactions/TX-BIG/attachments/A1"
curl -sf -u kirjaamo:demo -o /dev/null \
  -F 'metadata={"title":"curl","document_type":"HAKLIITE"};type=application/json' \
  -F "file=@$WORK/data/TX-BIG/iso-liite.bin;type=application/octet-stream" \
  "http://127.0.0.1:$PORT/tweb/api/v1/documents"
curl_s=$(python3 -c "print($(seconds) - $start)")
export KIRJAAMO_TWEB_URL="http://127.0.0.1:$PORT/tweb" KIRJAAMO_OUTBOX_URL="http://127.0.0.1:$PORT/epalvelu"
export KIRJAAMO_TWEB_USER=kirjaamo KIRJAAMO_TWEB_PASSWORD=demo KIRJAAMO_OUTBOX_TOKEN=epalvelu-demo-token
/usr/bin/time -v "$BIN" export --id TX-BIG --mappings mappings --journal "$WORK/journal.sqlite" > /dev/null 2> "$WORK/time.txt"
rss_kb=$(grep "Maximum resident" "$WORK/time.txt" | awk '{print $NF}')
wall=$(grep "Elapsed (wall clock)" "$WORK/time.txt" | awk '{print $NF}')
kirjaamo_s=$(python3 -c "p='$wall'.split(':'); print(sum(float(x) * 60 ** i for i, x in enumerate(reversed(p))))")
python3 - <<PY
curl, ours, rss = $curl_s, $kirjaamo_s, $rss_kb
print(f"kirjaamo: {ours:.2f} s, peak RSS {rss / 1024:.1f} MiB ({curl / ours:.2f}x curl's speed)")
print(f"curl: downloading it, then uploading it, over loopback: {curl:.2f} s")
PY
