#!/usr/bin/env bash
# Build the Linux one-folder app (dist/testimony-desk/) from the hashed lock files, then the
# .deb (dist/testimony-desk_<version>_amd64.deb). Usage:
#   bash packaging/build-linux.sh            # app + .deb
#   bash packaging/build-linux.sh --no-deb   # app only
# Needs Python 3.11 (PYTHON=…), binutils (objdump, for PyInstaller) and dpkg-deb; `bash .ci/dev
# package` installs those, builds, smoke-tests and inspects the .deb. Everything it makes stays
# in the clone: build/packaging/ (venv, PyInstaller work folder, pip cache) and dist/.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
PYTHON=${PYTHON:-python3}
BUILD=$REPO/build/packaging
VENV=$BUILD/venv
export PIP_CACHE_DIR=$BUILD/pip-cache PIP_DISABLE_PIP_VERSION_CHECK=1

"$PYTHON" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || {
  echo "error: the lock files are made for Python 3.11 (set PYTHON=/path/to/python3.11)" >&2
  exit 1
}
command -v objdump >/dev/null || { echo "error: objdump missing (apt-get install binutils)" >&2; exit 1; }

started=$(date +%s)
# The build venv is rebuilt whenever a lock file changes; pip installs only hashed pins.
want=$(cat packaging/requirements.lock packaging/build-requirements.lock | sha256sum | cut -c1-16)
if [ ! -f "$VENV/.lock-stamp" ] || [ "$(cat "$VENV/.lock-stamp")" != "$want" ]; then
  echo "== build venv from the lock files"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install --quiet --require-hashes --only-binary :all: \
    -r packaging/requirements.lock -r packaging/build-requirements.lock \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  echo "$want" > "$VENV/.lock-stamp"
fi

echo "== PyInstaller"
rm -rf dist/testimony-desk
# Run from outside the clone so that only pathex (the spec) decides where `desktop` comes from,
# and `packaging/` here never shadows the `packaging` library.
(cd "$BUILD" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$REPO/dist" --workpath "$BUILD/work" \
  "$REPO/packaging/pyinstaller/testimony-desk.spec")
# Some wheels (and the interpreter's own libpython) ship their debug information: ~40 MB that
# no user needs. --strip-debug keeps every symbol the dynamic linker uses.
find dist/testimony-desk -type f \( -name '*.so' -o -name '*.so.*' \) -print0 |
  while IFS= read -r -d '' lib; do
    sections=$(readelf -S "$lib" 2>/dev/null || true)  # no `| grep -q`: SIGPIPE + pipefail
    if [[ $sections == *.debug_info* ]]; then
      strip --strip-debug "$lib"
    fi
  done
echo "built dist/testimony-desk in $(( $(date +%s) - started )) s ($(du -sh dist/testimony-desk | cut -f1))"

if [ "${1:-}" != "--no-deb" ]; then
  bash packaging/linux/build-deb.sh
fi
