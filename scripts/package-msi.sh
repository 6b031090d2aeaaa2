#!/usr/bin/env bash
# Builds Kirjaamo's Windows installer on Linux with wixl (Debian package wixl):
#   scripts/package-msi.sh [path/to/kirjaamo.exe] [out-dir]
# from the release exe (target/x86_64-pc-windows-gnu/release/kirjaamo.exe by default) into
# out-dir (target/installers by default) as kirjaamo-<version>-x64.msi. What it installs and how:
# packaging/windows/kirjaamo.wxs. MSI_VERSION gives the package another version (CI builds a
# "newer" one to test upgrades) and MSI_NAME another file name.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
exe=$(realpath "${1:-$target_dir/x86_64-pc-windows-gnu/release/kirjaamo.exe}")
out=${2:-$target_dir/installers}
version=${MSI_VERSION:-$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)}
mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp "$exe" "$stage/kirjaamo.exe"
cp "$root/assets/icon/kirjaamo.ico" "$stage/"
# Notepad reads either line ending; CRLF keeps older editors happy.
sed 's/$/\r/' "$root/LICENSE" > "$stage/LICENSE.txt"
python3 "$root/scripts/third-party-notices.py" x86_64-pc-windows-gnu | sed 's/$/\r/' > "$stage/THIRD-PARTY-NOTICES.txt"
msi="$(realpath "$out")/${MSI_NAME:-kirjaamo-$version-x64.msi}"
# wixl wants the sources by relative paths.
(cd "$stage" && wixl -a x64 -D Version="$version" -D SourceDir=. -o "$msi" "$root/packaging/windows/kirjaamo.wxs")
echo "$msi"
