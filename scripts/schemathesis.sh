#!/usr/bin/env bash
# Checks both contracts against a fresh sandbox with schemathesis: every check
# (`--checks all`: schema-valid requests accepted, invalid ones refused, answers as documented),
# the contract's stateful links, a bounded number of examples, a fixed seed. Fails on any failure.
#
#   scripts/schemathesis.sh [kirjaamo binary] [examples per operation]
#
# schemathesis is pinned and installed from PyPI into a venv in the target directory.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-${CARGO_TARGET_DIR:-target}/debug/kirjaamo}
examples=${2:-50}
version=4.32.5
venv=${CARGO_TARGET_DIR:-target}/schemathesis-$version
if ! "$venv/bin/st" --version 2>/dev/null | grep -q "$version"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$version"
fi
log=$(mktemp)
"$bin" sandbox --port 0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 200); do
  url=$(sed -n 's|^Kirjaamo sandbox listening on \(http://[^ ]*\)$|\1|p' "$log")
  [ -n "$url" ] && break
  sleep 0.05
done
[ -n "$url" ] || { echo "the sandbox did not start:"; cat "$log"; exit 1; }
failed=0
check() {
  local name=$1
  shift
  echo "== schemathesis: $name ($examples examples an operation)"
  "$venv/bin/st" --config-file .ci/schemathesis.toml run "$@" --checks all --max-examples "$examples" --seed 2026 \
    --continue-on-failure --no-color --output-truncate false || failed=1
}
check "TWeb" assets/api/tweb.openapi.yaml --url "$url/tweb" --auth kirjaamo:demo
check "ePalvelu outbox" assets/api/epalvelu-outbox.openapi.yaml --url "$url/epalvelu" \
  --header "Authorization: Bearer epalvelu-demo-token"
exit $failed
