#!/usr/bin/env bash
# Issue 11's scan benchmark: `chaperone scan --json` over the generated corpus
# (chaperone-bench corpus: 2,000 school-like messages, 2,000- and 20,000-pupil rosters).
#
#   benchmarks/scan-corpus.sh [RUNS]         (default 3; medians are printed)
#   SKIP_BUILD=1 ...                         use the release binaries as built
#   CALLGRIND_MESSAGES=N ...                 size of the callgrind subset (default 100; 0 skips it)
#   CHAPERONE_BIN=PATH ...                   the chaperone binary to measure (default the release build;
#                                            a copy lets a later build run while this measures)
#   KEEP_CALLGRIND=FILE ...                  keep the callgrind profile (for callgrind_annotate)
#
# Prints, for each roster, msgs and MB per CPU-second (user+sys) of `--jobs 1`, the
# per-message cost of the 20,000-pupil roster against the 2,000 (over whole runs, and
# again with each roster's start-up, a run over one message, taken out), CPU/wall of `--jobs 2`
# with whether its output equals `--jobs 1`'s (scan_ms and decision_id removed), and the
# callgrind instruction count (Ir) of `--jobs 1` over the first N messages at 2,000
# pupils — instruction counts repeat on a noisy shared machine; times do not — and
# CPU-s and peak RSS of the 27 MB message with a 20 MB CSV attachment (large/csv-27mb.eml).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
subset=${CALLGRIND_MESSAGES:-100}
if [[ -z "${SKIP_BUILD:-}" ]]; then
  swift build -c release --product chaperone >/dev/null
  swift build -c release --product chaperone-bench >/dev/null
fi
bin=${CHAPERONE_BIN:-.build/release/chaperone}
corpus=benchmarks/corpus
if [[ ! -f "$corpus/school-20000.yaml" || ! -d "$corpus/messages" ]]; then
  .build/release/chaperone-bench corpus "$corpus" >/dev/null
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
count=$(find "$corpus/messages" -name '*.eml' | wc -l)
bytes=$(cat "$corpus"/messages/*.eml | wc -c)
echo "corpus: $count messages, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs one scan; appends "user sys wall rss_kb" to $work/$2.
timed() {
  local config=$1 record=$2 jobs=$3
  /usr/bin/time -f '%U %S %e %M' -o "$work/.time" "$bin" scan --json --jobs "$jobs" \
    --config "$corpus/$config" "$corpus/messages" > "$work/$record.out" || true
  tail -n 1 "$work/.time" >> "$work/$record"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# The two rosters in turn, run by run, so a shared machine's slow minute hits both.
for ((run = 0; run < runs; run++)); do
  for pupils in 2000 20000; do timed "school-$pupils.yaml" "j1-$pupils" 1; done
done
for pupils in 2000 20000; do
  cpu=$(awk '{ print $1 + $2 }' "$work/j1-$pupils" | median)
  rss=$(awk '{ print $4 }' "$work/j1-$pupils" | median)
  echo "$cpu" > "$work/cpu-$pupils"
  awk -v n="$count" -v b="$bytes" -v c="$cpu" -v r="$rss" -v p="$pupils" 'BEGIN {
    printf "%6d pupils, --jobs 1: %.2f CPU-s median of runs: %.0f msgs/CPU-s, %.1f MB/CPU-s, peak RSS %.0f MB\n", p, c, n / c, b / 1e6 / c, r / 1024
  }'
done
awk -v a="$(cat "$work/cpu-2000")" -v b="$(cat "$work/cpu-20000")" 'BEGIN {
  printf "20,000 pupils cost %+.1f %% per message against 2,000 (whole runs, start-up included)\n", (b / a - 1) * 100
}'
# Start-up (configuration, roster import, tables) is paid once per process, not per
# message: a run over the first message alone gives it, and the rest is what each
# message costs.
first=$(find "$corpus/messages" -name '*.eml' | sort | awk 'NR == 1')
for ((run = 0; run < runs; run++)); do
  for pupils in 2000 20000; do
    /usr/bin/time -f '%U %S' -o "$work/.time" "$bin" scan --json --jobs 1 --config "$corpus/school-$pupils.yaml" "$first" > /dev/null || true
    tail -n 1 "$work/.time" >> "$work/one-$pupils"
  done
done
for pupils in 2000 20000; do awk '{ print $1 + $2 }' "$work/one-$pupils" | median > "$work/startup-$pupils"; done
awk -v n="$count" -v a="$(cat "$work/cpu-2000")" -v b="$(cat "$work/cpu-20000")" \
    -v sa="$(cat "$work/startup-2000")" -v sb="$(cat "$work/startup-20000")" 'BEGIN {
  pa = (a - sa) / (n - 1); pb = (b - sb) / (n - 1)
  printf "start-up (one message): %.2f CPU-s at 2,000 pupils, %.2f at 20,000; per message after it: %.0f and %.0f us, 20,000 pupils %+.1f %%\n", sa, sb, pa * 1e6, pb * 1e6, (pb / pa - 1) * 100
}'

for ((run = 0; run < runs; run++)); do timed school-2000.yaml j2 2; done
ratio=$(awk '{ print ($1 + $2) / ($3 > 0 ? $3 : 1) }' "$work/j2" | median)
strip() { sed -E 's/"decision_id":"[^"]*"//; s/"scan_ms":[0-9.e+-]+//' "$1"; }
if cmp -s <(strip "$work/j1-2000.out") <(strip "$work/j2.out"); then same=identical; else same=DIFFERENT; fi
echo "--jobs 2: CPU/wall $ratio (median); output $same to --jobs 1's"

large="$corpus/large/csv-27mb.eml"
/usr/bin/time -f '%U %S %M' -o "$work/.large" "$bin" scan --json --jobs 1 --config "$corpus/school-2000.yaml" "$large" \
  > "$work/large.out" || true
awk -v size="$(wc -c < "$large")" -v action="$(grep -o '"action":"[a-z]*"' "$work/large.out" | head -n 1)" '{
  printf "27 MB message with a 20 MB CSV: %.2f CPU-s, peak RSS %.0f MB = %.2f x the message (%s)\n", $1 + $2, $3 / 1024, $3 * 1024 / size, action
}' "$work/.large"

if [[ "$subset" -gt 0 ]] && ! { command -v valgrind && command -v objcopy && command -v cc; } >/dev/null; then
  echo "callgrind skipped: it needs valgrind, objcopy (binutils) and cc"
elif [[ "$subset" -gt 0 ]]; then
  mkdir -p "$work/subset"
  # awk reads the whole list (head would close the pipe early: SIGPIPE fails the pipeline under pipefail).
  find "$corpus/messages" -name '*.eml' | sort | awk -v n="$subset" 'NR <= n' | xargs -I{} cp {} "$work/subset/"
  # valgrind 3.19 cannot read the DWARF 5 that swiftc writes ("unhandled dwarf2 abbrev form"):
  # it measures a copy without debug information (the symbol table stays, so
  # callgrind_annotate still names functions). The preloaded shim works around its
  # rt_sigsuspend fault under libdispatch (see benchmarks/valgrind-sigsuspend.c).
  objcopy --strip-debug "$bin" "$work/chaperone-nodebug"
  cc -O2 -shared -fPIC benchmarks/valgrind-sigsuspend.c -o "$work/valgrind-sigsuspend.so"
  SWIFT_DETERMINISTIC_HASHING=1 LD_PRELOAD="$work/valgrind-sigsuspend.so" valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
    "$work/chaperone-nodebug" scan --json --jobs 1 \
    --config "$corpus/school-2000.yaml" "$work/subset" > /dev/null 2> "$work/callgrind.log" || true
  ir=$(grep -E '^(summary|totals):' "$work/callgrind.out" 2>/dev/null | head -n 1 | awk '{ print $2 }')
  if [[ -z "$ir" ]]; then echo "callgrind failed:"; tail -n 5 "$work/callgrind.log"; exit 1; fi
  echo "callgrind, first $subset messages at 2,000 pupils, --jobs 1: $ir instructions (Ir)"
  if [[ -n "${KEEP_CALLGRIND:-}" ]]; then cp "$work/callgrind.out" "$KEEP_CALLGRIND"; fi
fi
