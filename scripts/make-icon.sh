#!/usr/bin/env bash
# Draws Kirjaamo's icon with ImageMagick and writes the sizes Windows and Linux desktops use:
# assets/icon/kirjaamo-<size>.png and the multi-size assets/icon/kirjaamo.ico. The outputs are
# committed; run this again only to change the design.
#
# The design: a sheet (the citizen's form) on the registry office's blue, stamped as filed with an
# amber seal and a check mark. Drawn at 1024 px and scaled down, so the small sizes are smooth.
set -euo pipefail
cd "$(dirname "$0")/.."
out=assets/icon
mkdir -p "$out"
big=$(mktemp --suffix=.png)
small=$(mktemp --suffix=.png)
trap 'rm -f "$big" "$small"' EXIT
# The parts, each "fill|stroke|stroke width|primitive" in a 1024 px square, drawn in order.
draw() {
  local file=$1; shift
  local args=(-size 1024x1024 xc:none)
  for part in "$@"; do
    IFS='|' read -r fill stroke width primitive <<< "$part"
    args+=(-fill "$fill" -stroke "$stroke" -strokewidth "$width" -draw "$primitive")
  done
  convert "${args[@]}" "PNG32:$file"
}
blue='#1a5fb4' line='#8fb0dc' seal='#f5b700'
draw "$big" \
  "$blue|none|0|roundrectangle 48,48 975,975 190,190" \
  "#ffffff|none|0|polygon 280,170 640,170 780,310 780,850 280,850" \
  "#a9c6ef|none|0|polygon 640,170 640,310 780,310" \
  "$line|none|0|roundrectangle 360,400 700,450 20,20" \
  "$line|none|0|roundrectangle 360,510 700,560 20,20" \
  "$line|none|0|roundrectangle 360,620 560,670 20,20" \
  "$seal|$blue|36|circle 735,775 735,950" \
  "none|#ffffff|58|polyline 650,780 712,842 825,712"
# Below 32 px the lines and the thin edges blur: a bolder sheet, two lines and a larger seal.
draw "$small" \
  "$blue|none|0|roundrectangle 0,0 1023,1023 150,150" \
  "#ffffff|none|0|polygon 200,110 640,110 800,270 800,900 200,900" \
  "$line|none|0|rectangle 300,360 640,450" \
  "$line|none|0|rectangle 300,540 520,630" \
  "$seal|$blue|48|circle 735,745 735,1010" \
  "none|#ffffff|95|polyline 610,755 705,850 865,660"
for size in 16 20 24; do
  convert "$small" -filter Lanczos -resize "${size}x${size}" -strip "PNG32:$out/kirjaamo-$size.png"
done
for size in 32 40 48 64 128 256; do
  convert "$big" -filter Lanczos -resize "${size}x${size}" -strip "PNG32:$out/kirjaamo-$size.png"
done
convert $(for size in 16 20 24 32 40 48 64 256; do printf '%s ' "$out/kirjaamo-$size.png"; done) "$out/kirjaamo.ico"
ls -l "$out"
