#!/usr/bin/env bash
# Refresh the hashed lock files from pyproject.toml (runtime) and build-requirements.in
# (PyInstaller & co.). Run after any change to the dependencies in pyproject.toml:
#   bash packaging/lock.sh            # needs `uv` on PATH (pipx install uv / pip install uv)
# Add --upgrade to move every pin to the newest release the ranges allow.
# The lock is universal (markers for Linux, Windows and macOS, Python >= 3.11); the Linux build
# and CI use it on Linux x86_64 with Python 3.11.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-uv}
common=(--universal --python-version 3.11 --generate-hashes --index-url https://pypi.org/simple
        --custom-compile-command "bash packaging/lock.sh")
"$UV" pip compile "${common[@]}" "$@" pyproject.toml -o packaging/requirements.lock
"$UV" pip compile "${common[@]}" "$@" -c packaging/requirements.lock \
  packaging/build-requirements.in -o packaging/build-requirements.lock
