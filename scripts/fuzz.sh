#!/usr/bin/env bash
# Builds and runs one libFuzzer harness of Fuzz/ (see Fuzz/README.md).
#
#   scripts/fuzz.sh TARGET SECONDS [JOBS]
#
# TARGET: text | docx | docx-xml | html | lint | config | pdf-tsv   (or `build TARGET` to only compile it)
# SECONDS: -max_total_time of each job. JOBS (default 1): parallel libFuzzer processes sharing one corpus.
#
# Environment: MAX_LEN (default 65536 for docx, docx-xml and html, 4096 for lint, libFuzzer's choice for text),
# FUZZ_OPT (default -O; Swift's overflow and bounds checks stay on at -O, only -Ounchecked drops them),
# FUZZ_ARGS (more libFuzzer flags, e.g. "-only_ascii=1").
#
# Everything goes to .build-fuzz/ (git-ignored): the binary, the seeds (rebuilt each run from reports/,
# Tests/Fixtures/ and ../shared/corpus), the growing corpus .build-fuzz/corpus/TARGET/ (kept between
# runs), logs under .build-fuzz/logs/TARGET/RUN/, and crash, timeout and OOM inputs under
# .build-fuzz/crashes/TARGET/. The script prints each job's final `#N DONE` line, the total executions,
# and any crash files; it exits 1 when there are crash files.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
export PATH=/opt/swift/usr/bin:$PATH

usage() { echo "usage: scripts/fuzz.sh {text|docx|docx-xml|html|lint|config|pdf-tsv} SECONDS [JOBS]  |  scripts/fuzz.sh build TARGET" >&2; exit 2; }

BUILD_ONLY=0
if [[ ${1:-} == build ]]; then BUILD_ONLY=1; shift; fi
TARGET=${1:-}; SECONDS_=${2:-60}; JOBS=${3:-1}
[[ -n $TARGET ]] || usage
[[ $BUILD_ONLY == 1 || $SECONDS_ =~ ^[0-9]+$ ]] || usage

case $TARGET in
  text) HARNESS=TextLoaderFuzz ;;
  docx) HARNESS=DocxFuzz ;;
  docx-xml) HARNESS=DocxXMLFuzz ;;
  html) HARNESS=HTMLFuzz ;;
  lint) HARNESS=LintFuzz ;;
  config) HARNESS=ConfigFuzz ;;
  pdf-tsv) HARNESS=PDFTSVFuzz ;;
  *) usage ;;
esac

OUT=$ROOT/.build-fuzz
BIN=$OUT/bin/$TARGET
mkdir -p "$OUT/bin"

# --- build (only when a source is newer than the binary) -------------------------------------------
mapfile -t LIB < <(find Sources/ReportLint -name '*.swift' | sort)
SRC=("${LIB[@]}" Fuzz/FuzzSupport.swift "Fuzz/$HARNESS.swift")
stale=1
if [[ -x $BIN ]]; then
  stale=0
  for f in "${SRC[@]}" scripts/fuzz.sh; do [[ $f -nt $BIN ]] && { stale=1; break; }; done
fi
if [[ $stale == 1 ]]; then
  echo "building $BIN (${FUZZ_OPT:--O}) ..." >&2
  swiftc -swift-version 6 -sanitize=fuzzer,address -parse-as-library ${FUZZ_OPT:--O} -g -use-ld=lld \
    -module-name ReportLint -I Sources/CZlib -lz \
    "${SRC[@]}" -o "$BIN"
fi
[[ $BUILD_ONLY == 1 ]] && { echo "$BIN"; exit 0; }

# --- seeds --------------------------------------------------------------------------------------------
# Logs and seeds per run, so that a second run of the same target may start while one is going.
RUN=$(date +%Y%m%d-%H%M%S)-$$
SEEDS=$OUT/seeds/$TARGET/$RUN; CORPUS=$OUT/corpus/$TARGET; CRASHES=$OUT/crashes/$TARGET; LOGS=$OUT/logs/$TARGET/$RUN
mkdir -p "$SEEDS" "$CORPUS" "$CRASHES" "$LOGS"

# Every file of the given extensions under reports/, Tests/Fixtures/ and ../shared/corpus.
inputs() {
  local dirs=(reports Tests/Fixtures)
  [[ -d ../shared/corpus ]] && dirs+=(../shared/corpus)
  local expr=() e
  for e in "$@"; do expr+=(-o -name "*.$e"); done
  find "${dirs[@]}" -type f \( -false "${expr[@]}" \) -not -path '*/fuzz/*' | sort
}
n=0
seed() { # seed PREFIX-BYTE|"" FILE: copies FILE into the seeds, behind the harness's mode byte
  n=$((n + 1))
  if [[ -n $1 ]]; then { printf "\\x$1"; cat "$2"; } > "$SEEDS/s$n"; else cp "$2" "$SEEDS/s$n"; fi
}
case $TARGET in
  text)
    while read -r f; do
      seed 00 "$f"
      # the sample reports also in every other encoding the harness makes (modes 1-7)
      if [[ $f == reports/* ]]; then for m in 01 02 03 04 05 06 07; do seed $m "$f"; done; fi
    done < <(inputs txt md) ;;
  lint)
    while read -r f; do seed 00 "$f"; [[ $f == reports/* ]] && { seed 02 "$f"; seed 03 "$f"; }; done < <(inputs txt md)
    # table rows as the docx loader gives them (cells joined by tabs), from the .docx fixtures
    while read -r f; do
      if command -v python3 >/dev/null; then
        n=$((n + 1))
        python3 - "$f" > "$SEEDS/s$n" <<'PY' || rm -f "$SEEDS/s$n"
import re, sys, zipfile
xml = zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode("utf-8")
out = []
for m in re.finditer(r"<w:(p|tr)\b.*?</w:\1>", xml, re.S):
    if m.group(1) == "tr":
        cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<w:tc\b.*?</w:tc>", m.group(0), re.S)]
        out.append("\t".join(cells))
    elif "<w:tbl" not in m.group(0):
        out.append(re.sub(r"<[^>]+>", "", m.group(0)))
sys.stdout.buffer.write(b"\x02" + "\n".join(out).encode("utf-8"))
PY
      fi
    done < <(inputs docx) ;;
  docx)
    while read -r f; do seed "" "$f"; done < <(inputs docx)
    # Small .docx made from the sample reports (deflated, a few KB): real documents are 20-40 KB and
    # fuzz at a third of the speed; these reach the same zip and XML code with much shorter inputs.
    while read -r f; do
      n=$((n + 1))
      python3 - "$f" > "$SEEDS/s$n" <<'PY' || rm -f "$SEEDS/s$n"
import io, re, sys, zipfile
from xml.sax.saxutils import escape
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
body, rows = [], []
def flush():
    if rows:
        body.append("<w:tbl>" + "".join("<w:tr>" + "".join(
            f"<w:tc><w:p><w:r><w:t>{escape(c.strip())}</w:t></w:r></w:p></w:tc>" for c in r) + "</w:tr>" for r in rows) + "</w:tbl>")
        rows.clear()
for line in open(sys.argv[1], encoding="utf-8").read().splitlines():
    cells = [c for c in re.split(r"\t|\|", line)]
    if len(cells) > 2:
        if not set("".join(cells)) <= set("-: "):
            rows.append(cells)
        continue
    flush()
    style = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' if re.match(r"^#* *[一二三四五六七八]、", line) else ""
    body.append(f"<w:p>{style}<w:r><w:t xml:space=\"preserve\">{escape(line.lstrip('# '))}</w:t></w:r></w:p>")
flush()
out = io.BytesIO()
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
    z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {W}><w:body>{"".join(body)}</w:body></w:document>')
    z.writestr("word/styles.xml", f'<w:styles {W}><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:styles>')
sys.stdout.buffer.write(out.getvalue())
PY
    done < <(find reports -name '*.txt' -o -name '*.md' | sort) ;;
  docx-xml)
    while read -r f; do
      n=$((n + 1))
      python3 - "$f" > "$SEEDS/s$n" <<'PY' || rm -f "$SEEDS/s$n"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
names = set(z.namelist())
parts = [z.read(p) if p in names else b"" for p in ("word/document.xml", "word/styles.xml", "word/numbering.xml")]
while parts and not parts[-1]:
    parts.pop()
sys.stdout.buffer.write(b"\n<!--PART-->\n".join(parts))
PY
    done < <(inputs docx) ;;
  html)
    while read -r f; do seed "" "$f"; done < <(inputs html htm) ;;
  config)
    # the built-in packs as user packs (mode 0), and configurations of every key (mode 1)
    for f in rules/*.json; do seed 00 "$f"; done
    cfg=$(mktemp)
    for c in '{"rules": {"punctuation": "off", "report-title": "error"}, "year": 2024, "lang": "en", "maxFileSize": 1000000}' \
             '{"packs": ["x.json"], "rules": {"custom-x": "warning"}}' '{"year": 99999}' '{"maxFileSize": -5}' \
             '{"customRules": [{"id": "office", "severity": "error", "pattern": "县政务公开办(?!公室)", "message": {"zh": "全称", "en": "full name"}, "replacement": "县政务公开办公室"}]}' \
             '{"customRules": [{"id": "a", "pattern": "(a|aa)*b", "message": {"zh": "z", "en": "e"}}, {"id": "b", "pattern": "[一二三]是", "message": {"zh": "z", "en": "e"}}]}'; do
      printf '%s' "$c" > "$cfg"; seed 01 "$cfg"; seed 00 "$cfg"
    done
    rm -f "$cfg" ;;
  pdf-tsv)
    # what pdftotext -tsv makes of every PDF at hand
    while read -r f; do
      n=$((n + 1))
      pdftotext -tsv -enc UTF-8 "$f" "$SEEDS/s$n" 2>/dev/null || rm -f "$SEEDS/s$n"
    done < <(inputs pdf) ;;
esac
echo "$(ls "$SEEDS" | wc -l) seeds, $(ls "$CORPUS" | wc -l) inputs in the corpus" >&2

# --- run ------------------------------------------------------------------------------------------------
ARGS=(-max_total_time="$SECONDS_" -rss_limit_mb=2048 -timeout=10 -print_final_stats=1
      -artifact_prefix="$CRASHES/")
case $TARGET in docx|docx-xml|html|pdf-tsv) ARGS+=(-max_len="${MAX_LEN:-65536}") ;; config) ARGS+=(-max_len="${MAX_LEN:-8192}") ;; lint) ARGS+=(-max_len="${MAX_LEN:-4096}") ;; *) [[ -n ${MAX_LEN:-} ]] && ARGS+=(-max_len="$MAX_LEN") ;; esac
[[ -f Fuzz/$TARGET.dict ]] && ARGS+=(-dict="Fuzz/$TARGET.dict")
case $TARGET in text|lint) [[ -f Fuzz/report.dict ]] && ARGS+=(-dict=Fuzz/report.dict) ;; esac
# shellcheck disable=SC2206
ARGS+=(${FUZZ_ARGS:-})

# Swift's own crash backtracer reads freed memory and trips ASan after a trap; let libFuzzer and ASan
# report the trap instead (the "Swift runtime failure: ..." frame names the check). Allocation stacks
# cost more than half the speed and Swift's checks do not need them: MALLOC_CONTEXT=30 brings them back.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=${MALLOC_CONTEXT:-0}}

pids=()
for ((j = 1; j <= JOBS; j++)); do
  "$BIN" "${ARGS[@]}" "$CORPUS" "$SEEDS" > "$LOGS/job$j.log" 2>&1 &
  pids+=($!)
done
status=0
for p in "${pids[@]}"; do wait "$p" || status=1; done
rm -rf "$SEEDS"

total=0
for ((j = 1; j <= JOBS; j++)); do
  line=$(grep -a -E '^#[0-9]+[[:space:]]+DONE' "$LOGS/job$j.log" | tail -1 || true)
  if [[ -n $line ]]; then
    echo "$TARGET job $j: $line"
  else
    execs=$(grep -a -E '^stat::number_of_executed_units' "$LOGS/job$j.log" | awk '{print $2}' | tail -1 || true)
    echo "$TARGET job $j: no DONE line (stopped on a finding after ${execs:-?} executions); log: $LOGS/job$j.log"
    line="#${execs:-0} "
  fi
  execs=$(sed -E 's/^#([0-9]+).*/\1/' <<< "$line")
  total=$((total + execs))
done
echo "$TARGET: $total executions in total ($JOBS job(s) x ${SECONDS_}s)"
mapfile -t found < <(find "$CRASHES" -type f | sort)
if ((${#found[@]})); then
  echo "$TARGET: ${#found[@]} crash/timeout/oom file(s):"; printf '  %s\n' "${found[@]}"
  exit 1
fi
exit $status
