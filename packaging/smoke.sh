#!/usr/bin/env bash
# Smoke test of the FROZEN Linux app (packaging/build-linux.sh first). Usage:
#   bash packaging/smoke.sh [path/to/testimony-desk]      (default: dist/testimony-desk/…)
# Runs, in a throwaway HOME: --version; init with a passphrase file; import of synthetic cases
# (bench/synth.py); search; a Russian letter to kz-mfa whose PDF must have pages; the GUI
# self-test offscreen. Exits non-zero at the first failure. The vault uses the real Argon2
# settings: this is the program a field worker gets.
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
APP=$(realpath "${1:-dist/testimony-desk/testimony-desk}")
[ -x "$APP" ] || { echo "error: no frozen app at $APP (run packaging/build-linux.sh)" >&2; exit 1; }
# A Python for the helpers (bench/synth.py, reading JSON, pypdf): the build venv by default.
PY=${SMOKE_PYTHON:-$REPO/build/packaging/venv/bin/python}
[ -x "$PY" ] || PY=$(command -v python3)

WORK=$(mktemp -d "${TMPDIR:-/tmp}/td-smoke.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export HOME=$WORK/home XDG_CONFIG_HOME=$WORK/home/.config XDG_DATA_HOME=$WORK/home/.local/share \
  XDG_CACHE_HOME=$WORK/home/.cache XDG_STATE_HOME=$WORK/home/.local/state
mkdir -p "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME"
unset TESTIMONY_DESK_VAULT TESTIMONY_DESK_ARGON2_MEMORY_KIB PYTHON_KEYRING_BACKEND PYTHONPATH
export QT_QPA_PLATFORM=offscreen
cd "$WORK"  # nothing from the clone may be found by accident

step() { printf '== %s\n' "$*"; }
fail() { echo "SMOKE FAILED: $*" >&2; exit 1; }
td() { "$APP" --vault "$WORK/vault" --passphrase-file "$WORK/pass" "$@"; }
started=$(date +%s.%N)

step "--version"
"$APP" --version | tee version.txt
grep -Eq '^testimony-desk [0-9]+\.[0-9]+' version.txt || fail "no app version"
grep -Eq '^SQLCipher 4\.[0-9]+' version.txt || fail "SQLCipher missing from the bundle"
grep -Eq '^Qt 6\.' version.txt || fail "Qt missing"
grep -Eq '^reportlab [0-9]' version.txt || fail "reportlab missing"
grep -q '(frozen)' version.txt || fail "this is not the frozen app"

step "licences in the bundle"
lic=$(dirname "$APP")/_internal/licenses
for f in LGPL-3.0.txt THIRD-PARTY.md keyring reportlab sqlcipher3; do
  [ -e "$lic/$f" ] || fail "missing licenses/$f"
done
[ -e "$lic/pyinstaller" ] && fail "licences of build tools in the bundle"

step "init"
printf 'smoke test passphrase, not a real one\n' > pass
td init > init.txt
grep -q 'Recovery key' init.txt || fail "init printed no recovery key"
[ -f vault/vault.json ] || fail "no vault.json"
[ "$(head -c 15 vault/cases.db)" = "SQLite format 3" ] && fail "the database is not encrypted"

step "import (bench/synth.py, 12 cases)"
"$PY" "$REPO/bench/synth.py" 12 --seed 7 --canary "Smoketest Canaryuly" --out cases.jsonl
td import cases.jsonl | tee import.txt
grep -q '^imported 12 cases: 12 new' import.txt || fail "import"

step "search"
td search "Smoketest Canaryuly" --json > search.json
ref=$("$PY" -c 'import json,sys; r=json.load(open("search.json")); print(r[0]["reference"] if r else "")')
[ -n "$ref" ] || fail "search found nothing"
td search "Canaryuly" > search.txt
grep -q "$ref" search.txt || fail "search by one word"
echo "found $ref"

# The letter needs a case whose family consented to appeals (synth.py makes ~80% so).
ref=$("$PY" -c '
import json
for line in open("cases.jsonl", encoding="utf-8"):
    case = json.loads(line)
    if any(t.get("consent", {}).get("use_in_appeals") for t in case.get("testimonies", [])):
        print(case["reference"]); break')
[ -n "$ref" ] || fail "no synthetic case allows appeals"
step "letter $ref → kz-mfa (ru)"
td letter "$ref" --to kz-mfa --lang ru --out letter.pdf
[ -s letter.pdf ] || fail "no letter.pdf"
if command -v pdfinfo >/dev/null; then
  pages=$(pdfinfo letter.pdf | sed -n 's/^Pages: *//p')
else
  pages=$("$PY" -c 'import pypdf; print(len(pypdf.PdfReader("letter.pdf").pages))')
fi
[ "${pages:-0}" -ge 1 ] || fail "the letter PDF has no pages"
echo "letter.pdf: $pages page(s)"

step "GUI self-test (offscreen)"
td gui --self-test 2> gui.err | tee gui.txt || { cat gui.err >&2; fail "GUI self-test"; }
grep -q '^self-test ok: 12 cases listed' gui.txt || fail "GUI self-test output"

step "GUI self-test in Russian (the app's and Qt's catalogues are bundled)"
# (env: a shell function would make bash itself try, and warn about, the locale)
env LC_ALL=ru_RU.UTF-8 "$APP" --vault "$WORK/vault" --passphrase-file "$WORK/pass" \
  gui --self-test 2> gui-ru.err | tee gui-ru.txt ||
  { cat gui-ru.err >&2; fail "GUI self-test (ru)"; }
grep -q 'UI ru (qtbase_ru, testimony_desk_ru)' gui-ru.txt || fail "Russian translations missing"

step "nothing but the vault was written in HOME"
leaks=$(find "$HOME" -type f | grep -v -e '/\.config/' -e '/\.cache/' || true)
[ -z "$leaks" ] || fail "unexpected files in HOME: $leaks"

awk -v a="$started" -v b="$(date +%s.%N)" -v app="$APP" \
  'BEGIN { printf "SMOKE OK in %.1f s: %s\n", b - a, app }'
