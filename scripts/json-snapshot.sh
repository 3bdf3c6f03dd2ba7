#!/usr/bin/env bash
# Captures `xxgk-lint --format json --no-config --jobs 1` (output and exit status) for every file of
# ../shared/corpus and reports/, one file per input, so that two builds can be compared with `diff -r`:
#   scripts/json-snapshot.sh BINARY OUTDIR
# Used to show that a refactoring leaves the output byte-identical.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$1 out=$2
mkdir -p "$out"
find ../shared/corpus reports -type f 2>/dev/null | LC_ALL=C sort | while read -r f; do
  name=$(printf '%s' "${f#../}" | tr '/' '_')
  status=0
  "$bin" --format json --no-config --jobs 1 "$f" < /dev/null > "$out/$name.json" 2> "$out/$name.stderr" || status=$?
  echo "$status" > "$out/$name.status"
done
# And all of them in one run, where cross-report rules see the whole set.
status=0
"$bin" --format json --no-config --jobs 1 ../shared/corpus reports < /dev/null > "$out/all.json" 2> "$out/all.stderr" || status=$?
echo "$status" > "$out/all.status"
echo "captured $(find "$out" -name '*.json' | wc -l) files in $out"
