#!/bin/sh
# Renders the PNG icon sizes (and the Windows .ico) from the hand-drawn SVG source.
# Run it after editing resources/icons/briefing-app.svg; needs rsvg-convert (Debian:
# librsvg2-bin) and, for the .ico, ImageMagick's convert. The results are committed.
set -eu
cd "$(dirname "$0")/../resources/icons"
for size in 16 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" briefing-app.svg -o "briefing-app-$size.png"
done
convert briefing-app-16.png briefing-app-32.png briefing-app-48.png briefing-app-256.png \
    briefing-app.ico
