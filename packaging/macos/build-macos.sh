#!/usr/bin/env bash
# Build "dist/Testimony Desk.app" on macOS 14+ (Apple silicon or Intel) with Python 3.11 from
# python.org, then sign, notarize and staple it when SIGN_IDENTITY is set (packaging/README.md):
#   bash packaging/macos/build-macos.sh
#   SIGN_IDENTITY="Developer ID Application: … (TEAMID)" NOTARY_PROFILE=td-notary \
#     bash packaging/macos/build-macos.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
PYTHON=${PYTHON:-python3.11}
VENV=build/packaging/venv-mac
APP="dist/Testimony Desk.app"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --require-hashes --only-binary :all: \
  -r packaging/requirements.lock -r packaging/build-requirements.lock
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build/packaging/work-mac \
  packaging/pyinstaller/testimony-desk.spec
"$APP/Contents/MacOS/testimony-desk" --version
if [ -n "${SIGN_IDENTITY:-}" ]; then
  codesign --force --deep --timestamp --options runtime \
    --entitlements packaging/macos/entitlements.plist --sign "$SIGN_IDENTITY" "$APP"
  codesign --verify --deep --strict --verbose=2 "$APP"
  version=$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' desktop/__init__.py)
  zip="dist/testimony-desk-$version-macos.zip"
  ditto -c -k --keepParent "$APP" "$zip"
  xcrun notarytool submit "$zip" --keychain-profile "${NOTARY_PROFILE:?}" --wait
  xcrun stapler staple "$APP"
  spctl --assess --type execute --verbose "$APP"
  ditto -c -k --keepParent "$APP" "$zip"  # again, with the stapled ticket
  echo "signed and notarized: $zip"
fi
