#!/usr/bin/env bash
# Build the wheel and sdist (python -m build, offline, from the build venv) and check them:
# data and licences inside, and a clean venv with the locked dependencies + the wheel gives a
# working `testimony-desk` (init, import, letter) run from outside the clone. Usage:
#   bash packaging/check-wheel.sh          (after packaging/build-linux.sh made the build venv)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
BUILD=$REPO/build/packaging
VENV=$BUILD/venv
export PIP_CACHE_DIR=$BUILD/pip-cache PIP_DISABLE_PIP_VERSION_CHECK=1
[ -x "$VENV/bin/python" ] || { echo "error: no build venv: run packaging/build-linux.sh" >&2; exit 1; }
fail() { echo "WHEEL CHECK FAILED: $*" >&2; exit 1; }

echo "== python -m build (wheel + sdist)"
rm -f dist/testimony_desk-*.whl dist/testimony_desk-*.tar.gz
"$VENV/bin/python" -m build --no-isolation --outdir dist . > "$BUILD/build.log" 2>&1 ||
  { cat "$BUILD/build.log" >&2; fail "python -m build"; }
whl=$(ls dist/testimony_desk-*.whl)
sdist=$(ls dist/testimony_desk-*.tar.gz)
echo "$whl ($(du -h "$whl" | cut -f1)), $sdist ($(du -h "$sdist" | cut -f1))"

"$VENV/bin/python" - "$whl" "$sdist" <<'PY'
import sys, tarfile, zipfile
from pathlib import Path

whl, sdist = sys.argv[1], sys.argv[2]
names = zipfile.ZipFile(whl).namelist()
repo = Path.cwd()
need = ["desktop/_data/forms/detention-testimony.yaml",
        "desktop/_data/resources/recipients/kz-mfa.yaml",
        "desktop/_data/resources/fonts/NotoSans-Regular.ttf",
        "desktop/_data/resources/icons/testimony-desk.svg",
        "desktop/store/migrations/env.py",
        "desktop/interchange/case.schema.json"]
need += [f"desktop/_data/resources/i18n/{p.name}" for p in (repo / "resources/i18n").glob("*.qm")]
need += [f"desktop/_data/resources/letters/{p.relative_to(repo / 'resources/letters')}"
         for p in (repo / "resources/letters").rglob("*") if p.is_file()]
missing = [n for n in need if n not in names]
licences = [n for n in names if ".dist-info/licenses/" in n]
if missing:
    sys.exit(f"missing from the wheel: {missing}")
if not any(n.endswith("/LICENSE") for n in licences) or not any("Noto" in n for n in licences):
    sys.exit(f"licences missing from the wheel: {licences}")
sd = tarfile.open(sdist).getnames()
for n in ("forms/detention-testimony.yaml", "resources/fonts/NotoSans-Regular.ttf", "LICENSE",
          "packaging/requirements.lock"):
    if not any(x.endswith("/" + n) for x in sd):
        sys.exit(f"missing from the sdist: {n}")
print(f"wheel: {len(names)} files, {len(need)} required ones present; licences: {len(licences)}")
PY

echo "== clean venv: locked dependencies + the wheel"
WV=$BUILD/wheel-venv
rm -rf "$WV"
"${PYTHON:-python3}" -m venv "$WV"
"$WV/bin/python" -m pip install --quiet --require-hashes --only-binary :all: \
  -r packaging/requirements.lock 2> >(grep -v "is ignored: it is neither" >&2)
"$WV/bin/python" -m pip install --quiet --no-deps "$whl" 2> >(grep -v "is ignored: it is neither" >&2)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/td-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
export HOME=$WORK QT_QPA_PLATFORM=offscreen TESTIMONY_DESK_ARGON2_MEMORY_KIB=65536
unset PYTHONPATH TESTIMONY_DESK_VAULT
td() { "$WV/bin/testimony-desk" --vault "$WORK/vault" --passphrase-file "$WORK/pass" "$@"; }
"$WV/bin/python" -c 'import desktop.resources as r; p = r.data_root("resources"); print("resources from", p); assert "site-packages" in str(p), p'
echo "wheel test passphrase" > pass
td --version > version.txt && head -1 version.txt
td init > /dev/null
td import "$REPO/tests/data/cases.jsonl"
td letter TD-2026-0001 --to kz-mfa --lang ru --out letter.pdf 2>/dev/null > letter.txt && head -1 letter.txt
[ -s letter.pdf ] || fail "no letter from the installed wheel"
td gui --self-test > gui.txt 2>/dev/null || fail "GUI self-test from the wheel"
grep -q '^self-test ok' gui.txt || fail "GUI self-test output from the wheel"
echo "WHEEL OK: $whl"
