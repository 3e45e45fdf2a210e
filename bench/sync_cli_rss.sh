#!/bin/bash
# Peak RSS and time of the real command line on a sync round trip, at the DEFAULT Argon2 cost
# (bench_sync.py lowers it to 64 MiB to save time): a field vault with N synthetic cases and
# 1 GiB of attachments (8 random files of 128 MiB on case 1) -> `sync export` -> HQ
# `sync import`, each timed by /usr/bin/time (maxrss = the process's peak RSS).
#
#   bash bench/sync_cli_rss.sh [N=10000]        (prints two lines: export, import)
#
# Everything happens in a temporary folder that is removed at the end. Target (issue 5):
# peak RSS <= 300 MiB with 1 GiB of attachments.
set -euo pipefail
N=${1:-10000}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PYTHON:-$HERE/.venv/bin/python}
W=$(mktemp -d /tmp/td-sync-rss.XXXXXX)
trap 'rm -rf "$W"' EXIT
export PYTHON_KEYRING_BACKEND=desktop.vault.memory_keyring.MemoryKeyring
export PYTHONPATH=$HERE
printf 'synthetic passphrase for this benchmark only\n' > "$W/pp"
F=("$PY" -m desktop --vault "$W/field" --passphrase-file "$W/pp")
H=("$PY" -m desktop --vault "$W/hq" --passphrase-file "$W/pp")
"${F[@]}" init > /dev/null
"${H[@]}" init --hq > /dev/null
"$PY" "$HERE/bench/synth.py" "$N" --seed 3 --out "$W/cases.jsonl" > /dev/null
"${F[@]}" import "$W/cases.jsonl" > /dev/null
rm -f "$W/cases.jsonl"
ref=$("${F[@]}" list | awk 'NR == 1 {print $1}')
files=()
for i in 1 2 3 4 5 6 7 8; do
  head -c $((128 * 1024 * 1024)) /dev/urandom > "$W/a$i.bin"
  files+=("$W/a$i.bin")
done
"${F[@]}" attach add "$ref" "${files[@]}" > /dev/null
rm -f "${files[@]}"
"${H[@]}" sync hq-key --out "$W/hq.id" > /dev/null
"${F[@]}" sync enroll "$W/hq.id" --yes > /dev/null
fingerprint=$("${F[@]}" sync whoami | tail -1)
mkdir -p "$W/out"
/usr/bin/time -f "export: peak RSS %M KiB, %e s wall, %U s user + %S s system CPU" \
  "${F[@]}" sync export --out "$W/out" > /dev/null
"${H[@]}" sync devices --approve "$fingerprint" > /dev/null 2>&1 || true
/usr/bin/time -f "import: peak RSS %M KiB, %e s wall, %U s user + %S s system CPU" \
  "${H[@]}" sync import "$W/out" > /dev/null
