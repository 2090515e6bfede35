#!/usr/bin/env bash
# Measures `chaperone scan --json` over samples/messages repeated to N messages (default 5,000),
# with the sample configuration, in a release build. Prints msgs/s, MB/s and peak RSS.
#   benchmarks/scan-throughput.sh [N] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5000}
jobs=${2:-$(nproc)}
swift build -c release --product chaperone >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
samples=(samples/messages/*.eml)
for ((i = 0; i < count; i++)); do
  cp "${samples[i % ${#samples[@]}]}" "$work/$(printf '%06d' "$i").eml"
done
bytes=$(cat "$work"/*.eml | wc -c)
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/.rss" .build/release/chaperone scan --json --jobs "$jobs" \
  --config samples/chaperone.yaml "$work" > "$work/.out" || true
end=$(date +%s.%N)
lines=$(wc -l < "$work/.out")
awk -v n="$lines" -v b="$bytes" -v s="$start" -v e="$end" -v rss="$(tail -n 1 "$work/.rss")" 'BEGIN {
  t = e - s
  printf "%d messages, %.1f MB in %.2f s: %.0f msgs/s, %.2f MB/s, peak RSS %.1f MB\n", n, b / 1e6, t, n / t, b / 1e6 / t, rss / 1024
}'
