#!/usr/bin/env bash
# Inspect the .deb made by build-deb.sh: dpkg-deb --info/--contents, the files a user needs,
# and the unpacked app runs (--version) from its /opt tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
APP_ID=org.testimonydesk.TestimonyDesk
deb=$(ls -t dist/testimony-desk_*.deb | head -n1)
fail() { echo "DEB CHECK FAILED: $*" >&2; exit 1; }
dpkg-deb --info "$deb"
contents=$(dpkg-deb --contents "$deb")
echo "files and folders in $deb: $(wc -l <<<"$contents")"
for path in ./opt/testimony-desk/testimony-desk ./usr/bin/testimony-desk \
    "./usr/share/applications/$APP_ID.desktop" "./usr/share/metainfo/$APP_ID.metainfo.xml" \
    "./usr/share/icons/hicolor/scalable/apps/$APP_ID.svg" \
    "./usr/share/icons/hicolor/48x48/apps/$APP_ID.png" \
    "./usr/share/icons/hicolor/512x512/apps/$APP_ID.png" \
    ./usr/share/doc/testimony-desk/copyright; do
  grep -q " $path\( ->\|$\)" <<<"$contents" || fail "missing $path"
done
grep -q ' ./usr/bin/testimony-desk -> /opt/testimony-desk/testimony-desk$' <<<"$contents" ||
  fail "the launcher is not a link to /opt/testimony-desk/testimony-desk"
owners=$(awk '{print $2}' <<<"$contents" | sort -u)
[ "$owners" = root/root ] || fail "files not owned by root: $owners"
[ "$(dpkg-deb --field "$deb" Package)" = testimony-desk ] || fail "package name"
version=$(dpkg-deb --field "$deb" Version)
grep -q "__version__ = \"$version\"" desktop/__init__.py || fail "version $version"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dpkg-deb -x "$deb" "$tmp"
"$tmp/opt/testimony-desk/testimony-desk" --version > "$tmp/version.txt" ||
  fail "the unpacked app does not run"
grep -qx "testimony-desk $version" "$tmp/version.txt" || fail "the unpacked app's version"
echo "DEB OK: $deb ($(du -h "$deb" | cut -f1), installs $(dpkg-deb --field "$deb" Installed-Size) KiB)"
