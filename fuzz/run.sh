#!/usr/bin/env bash
# Builds the libFuzzer targets (once; incremental after) and runs one of them:
#   fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]
#   fuzz/run.sh all SECONDS      every target (the CI smoke run), FUZZ_LANES at a time
#                                (default: the number of cores); each target's lines are
#                                printed together when it finishes
# TARGET is one of: FuzzMIME FuzzMilter FuzzRosterCSV FuzzRosterCTF FuzzOOXML FuzzPDF
# FuzzXML FuzzCSV FuzzHTML FuzzCompoundFile FuzzRTF FuzzTNEF FuzzODF FuzzArchive. Seeds come from fuzz/seeds/TARGET (made from samples/ and
# the test fixtures by fuzz/make-seeds.py); what the fuzzer learns goes to
# fuzz/.corpus/TARGET; a crash or a hang (over 10 s on one input) leaves its input in
# fuzz/.artifacts and the script exits non-zero.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh TARGET|all SECONDS}
seconds=${2:?usage: fuzz/run.sh TARGET|all SECONDS}
shift 2
targets=(FuzzMIME FuzzMilter FuzzRosterCSV FuzzRosterCTF FuzzOOXML FuzzPDF FuzzXML FuzzCSV FuzzHTML
         FuzzCompoundFile FuzzRTF FuzzTNEF FuzzODF FuzzArchive)

product=()
[ "$target" = all ] || product=(--product "$target")
mkdir -p .build
if ! swift build -c release -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library "${product[@]}" \
    > .build/fuzz-build.log 2>&1; then
  grep -E "error" .build/fuzz-build.log >&2 || tail -20 .build/fuzz-build.log >&2
  exit 1
fi
bin=$(swift build -c release --show-bin-path)
[ -d seeds/FuzzMIME ] && [ -d seeds/FuzzArchive ] || ./make-seeds.py

run_one() {
  local name=$1
  shift
  mkdir -p ".corpus/$name" .artifacts
  echo "== $name for ${seconds}s"
  ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 "$bin/$name" ".corpus/$name" "seeds/$name" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=262144 \
    -artifact_prefix=".artifacts/$name-" -print_final_stats=1 "$@" 2>&1 \
    | grep -E "^stat::number_of_executed_units|^stat::peak_rss|Done|ERROR|SUMMARY|Test unit written|timeout" || true
  if ls .artifacts/"$name"-* >/dev/null 2>&1; then
    echo "$name: crash or hang inputs in fuzz/.artifacts" >&2
    return 1
  fi
}

if [ "$target" = all ]; then
  lanes=${FUZZ_LANES:-$(nproc)}
  logs=$(mktemp -d)
  trap 'rm -rf "$logs"' EXIT
  status=0
  running=0
  for name in "${targets[@]}"; do
    if [ "$running" -ge "$lanes" ]; then
      wait -n || status=1
      running=$((running - 1))
    fi
    ( rc=0; run_one "$name" "$@" > "$logs/$name.log" 2>&1 || rc=$?; cat "$logs/$name.log"; exit $rc ) &
    running=$((running + 1))
  done
  while [ "$running" -gt 0 ]; do
    wait -n || status=1
    running=$((running - 1))
  done
  exit $status
fi
run_one "$target" "$@"
