#!/usr/bin/env bash
# Builds Kirjaamo's Debian/Ubuntu package with dpkg-deb:
#   scripts/package-deb.sh [path/to/kirjaamo] [out-dir]
# from the release binary (target/release/kirjaamo by default) into out-dir (target/installers by
# default) as kirjaamo_<version>_amd64.deb: the program in /usr/bin, a desktop entry, the icon
# in every hicolor size, the automatic export's systemd unit (disabled), the licence and the
# third-party notices in /usr/share/doc/kirjaamo.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target_dir=${CARGO_TARGET_DIR:-$root/target}
bin=$(realpath "${1:-$target_dir/release/kirjaamo}")
out=${2:-$target_dir/installers}
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -1)
mkdir -p "$out"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
chmod 755 "$stage"
install -Dm755 "$bin" "$stage/usr/bin/kirjaamo"
strip --strip-unneeded "$stage/usr/bin/kirjaamo"
install -Dm644 "$root/packaging/linux/kirjaamo.desktop" "$stage/usr/share/applications/kirjaamo.desktop"
# The automatic export as a systemd unit, not enabled: IT enables it where it runs.
install -Dm644 "$root/packaging/linux/kirjaamo-export.service" "$stage/lib/systemd/system/kirjaamo-export.service"
for size in 16 24 32 48 64 128 256; do
  install -Dm644 "$root/assets/icon/kirjaamo-$size.png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/kirjaamo.png"
done
doc="$stage/usr/share/doc/kirjaamo"
install -Dm644 "$root/LICENSE" "$doc/LICENSE"
python3 "$root/scripts/third-party-notices.py" x86_64-unknown-linux-gnu | gzip -9n > "$doc/THIRD-PARTY-NOTICES.txt.gz"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: Kirjaamo"
  echo
  echo "Files: *"
  echo "License: EUPL-1.2"
  echo " See /usr/share/doc/kirjaamo/LICENSE; the fonts, the colour profile and the Rust crates"
  echo " compiled in are listed with their licences in THIRD-PARTY-NOTICES.txt.gz beside it."
} > "$doc/copyright"
size_kb=$(du -sk "$stage/usr" | cut -f1)
mkdir -p "$stage/DEBIAN"
# The binary links only libc and libgcc; the window system, OpenGL and D-Bus libraries are
# opened at run time, so they are named here rather than found by dpkg-shlibdeps.
cat > "$stage/DEBIAN/control" <<CONTROL
Package: kirjaamo
Version: $version
Section: misc
Priority: optional
Architecture: amd64
Maintainer: Kirjaamo-projekti <kirjaamo@localhost>
Installed-Size: $size_kb
Depends: libc6 (>= 2.35), libgcc-s1, libegl1 | libgl1, libxkbcommon0, libdbus-1-3
Recommends: libx11-6, libx11-xcb1, libxcursor1, libxi6, libxkbcommon-x11-0, libwayland-client0, libwayland-egl1, gnome-keyring | kwalletmanager
Description: Files ePalvelu e-service transactions into TWeb
 Kirjaamo is the registry office's desk: it lists the transactions waiting
 in ePalvelu's outbox, previews each as a PDF and files it into the TWeb case
 management system as a new case, onto an existing case or as an assignment.
CONTROL
deb="$out/kirjaamo_${version}_amd64.deb"
dpkg-deb --root-owner-group --build "$stage" "$deb" >/dev/null
echo "$deb"
