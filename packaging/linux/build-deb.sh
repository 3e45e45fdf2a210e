#!/usr/bin/env bash
# Make dist/testimony-desk_<version>_amd64.deb from the PyInstaller folder dist/testimony-desk/
# (packaging/build-linux.sh first). The package installs the app under /opt/testimony-desk,
# a launcher /usr/bin/testimony-desk, the menu entry, AppStream metadata and hicolor icons.
# No maintainer scripts: dpkg's triggers refresh the menu and icon caches.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP_ID=org.testimonydesk.TestimonyDesk
APP=dist/testimony-desk
[ -x "$APP/testimony-desk" ] || { echo "error: $APP missing: run packaging/build-linux.sh" >&2; exit 1; }
VERSION=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
ARCH=$(dpkg --print-architecture 2>/dev/null || echo amd64)
ROOT=build/packaging/deb/root
DEB=dist/testimony-desk_${VERSION}_${ARCH}.deb

# The newest glibc symbol any bundled binary needs: PyInstaller copies libpython and a few
# system libraries (libstdc++, libexpat…) from the build machine, so the .deb runs only where
# glibc is at least as new as there (build on the oldest distribution you support).
GLIBC=$({ find "$APP" -type f \( -name '*.so*' -o -name testimony-desk \) \
  -exec objdump -T {} + 2>/dev/null || true; } |
  grep -o 'GLIBC_2\.[0-9]*' | sort -t. -k2 -n -u | tail -n1 | sed 's/^GLIBC_//')
[ -n "$GLIBC" ] || { echo "error: could not read the glibc version the app needs" >&2; exit 1; }

rm -rf "$ROOT"
mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" "$ROOT/usr/share/applications" \
  "$ROOT/usr/share/metainfo" "$ROOT/usr/share/doc/testimony-desk"
cp -a "$APP" "$ROOT/opt/testimony-desk"
ln -s /opt/testimony-desk/testimony-desk "$ROOT/usr/bin/testimony-desk"
install -m 0644 "packaging/linux/$APP_ID.desktop" "$ROOT/usr/share/applications/"
install -m 0644 "packaging/linux/$APP_ID.metainfo.xml" "$ROOT/usr/share/metainfo/"
for png in resources/icons/testimony-desk-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m 0644 "$png" "$ROOT/usr/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done
install -D -m 0644 resources/icons/testimony-desk.svg \
  "$ROOT/usr/share/icons/hicolor/scalable/apps/$APP_ID.svg"
{ cat packaging/licenses/THIRD-PARTY.md; printf '\n----\n\n'; cat LICENSE; } \
  > "$ROOT/usr/share/doc/testimony-desk/copyright"
# Files from the build keep no group/other write bits and no build-machine owner.
chmod -R u+rwX,go+rX,go-w "$ROOT"

cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: testimony-desk
Version: $VERSION
Architecture: $ARCH
Maintainer: Testimony Desk contributors <noreply@testimonydesk.invalid>
Installed-Size: $(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
Depends: libc6 (>= $GLIBC), libegl1, libgl1, libfontconfig1, libfreetype6, libxkbcommon0, libxkbcommon-x11-0, libdbus-1-3, libxcb-cursor0, libxcb-icccm4, libxcb-keysyms1, libxcb-shape0, libxcb-xkb1, libx11-xcb1
Recommends: gnome-keyring | kwalletmanager
Section: utils
Priority: optional
Description: offline, encrypted testimony intake and appeal letters
 Testimony Desk helps human-rights field workers record testimonies of
 relatives of detained or disappeared people in an encrypted vault, search
 names across scripts and transliterations, and write appeal letters (PDF)
 to foreign ministries and UN bodies. It works offline.
 .
 The application is self-contained under /opt/testimony-desk (Python, Qt and
 SQLCipher are bundled); only the usual desktop libraries come from the system.
CONTROL
(cd "$ROOT" && find . -type f ! -path './DEBIAN/*' -printf '%P\0' | sort -z | xargs -0 md5sum) \
  > "$ROOT/DEBIAN/md5sums"

# zstd (read by dpkg >= 1.21.18: Debian 12, Ubuntu 21.10) at a level that packs 220 MB in
# seconds; TD_DEB_COMPRESS=xz for older dpkg, =best for a release (zstd -19: minutes).
case "${TD_DEB_COMPRESS:-}" in
  xz) compress=(-Zxz) ;;
  best) compress=(-Zzstd -z19) ;;
  *) compress=(-Zzstd -z6) ;;
esac
rm -f "$DEB"
dpkg-deb --root-owner-group "${compress[@]}" --build "$ROOT" "$DEB" >/dev/null
echo "built $DEB ($(du -h "$DEB" | cut -f1))"
