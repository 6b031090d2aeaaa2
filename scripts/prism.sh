#!/usr/bin/env bash
# Holds the project's own TWeb and outbox clients to the contracts with Prism: a Prism
# mock of each contract must accept every request the clients send, uploads included, and Prism as
# a validating proxy in front of the sandbox must pass their JSON traffic both ways
# (tests/export/prism.rs).
#
#   scripts/prism.sh
#
# Prism is pinned in .ci/prism/package-lock.json and installed with `npm ci` into the target
# directory, once; the tests are built by `cargo test` as usual and run here with --ignored.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
prism_dir=$target/prism
if ! cmp -s .ci/prism/package-lock.json "$prism_dir/package-lock.json" || [ ! -x "$prism_dir/node_modules/.bin/prism" ]; then
  rm -rf "$prism_dir"
  mkdir -p "$prism_dir"
  cp .ci/prism/package.json .ci/prism/package-lock.json "$prism_dir/"
  (cd "$prism_dir" && npm ci --no-audit --no-fund --loglevel=error)
fi
prism=$(cd "$prism_dir" && pwd)/node_modules/.bin/prism
echo "Prism $("$prism" --version)"
KIRJAAMO_PRISM=$prism cargo test --test export prism -- --ignored --test-threads=1
