#!/bin/sh
# Installs the bundle built by `make package` with its Linux desktop integration:
#   sh packaging/linux/install.sh [PREFIX]     (default PREFIX: ~/.local; /usr/local needs root)
# BUNDLE=path/to/briefing-app names another bundle folder than dist/briefing-app.
# PREFIX/lib/briefing-app/   the bundle folder (dist/briefing-app/)
# PREFIX/bin/briefing-app    a link to its executable (the .desktop file's Exec)
# PREFIX/share/applications, share/metainfo, share/icons/hicolor/*/apps: menu entry and icons
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
prefix=${1:-"$HOME/.local"}
bundle=${BUNDLE:-"$root/dist/briefing-app"}
[ -x "$bundle/briefing-app" ] || { echo "No bundle at $bundle: run make package" >&2; exit 1; }

mkdir -p "$prefix/lib" "$prefix/bin" "$prefix/share/applications" "$prefix/share/metainfo"
rm -rf "$prefix/lib/briefing-app"
cp -R "$bundle" "$prefix/lib/briefing-app"
ln -sf "$prefix/lib/briefing-app/briefing-app" "$prefix/bin/briefing-app"
install -m 644 "$here/briefing-app.desktop" "$prefix/share/applications/"
install -m 644 "$here/org.briefingbuilder.BriefingBuilder.metainfo.xml" "$prefix/share/metainfo/"
icons="$bundle/_internal/resources/icons"  # the bundle carries them: no source tree needed
for size in 16 32 48 64 128 256 512; do
    dir="$prefix/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    install -m 644 "$icons/briefing-app-$size.png" "$dir/briefing-app.png"
done
mkdir -p "$prefix/share/icons/hicolor/scalable/apps"
install -m 644 "$icons/briefing-app.svg" "$prefix/share/icons/hicolor/scalable/apps/"
# Refresh the menu and icon caches where the tools exist; a new login does it anyway.
update-desktop-database -q "$prefix/share/applications" 2>/dev/null || true
gtk-update-icon-cache -q -t "$prefix/share/icons/hicolor" 2>/dev/null || true
echo "Installed Briefing Builder in $prefix (run: $prefix/bin/briefing-app)"
