#!/bin/sh
# Roster start-up in release without building the whole package (a full
# `swift build -c release --product chaperone-bench` did not finish on the shared
# 2-core machine): builds only RosterImport and Policy (and what they need) in release,
# links main.swift.txt with the generated-school code of chaperone-bench, and prints
# one school of 20,000 pupils (import, automaton and policy build), N schools x M pupils
# on every core (start-up, resident memory, the whole trust rebuilt while the old set is
# held) and one changed school's reload, each in wall and CPU (user+sys) time.
# The text extractor (stateless) and the version fingerprint are not included.
# Usage: benchmarks/roster-startup/run.sh [SCHOOLS] [PUPILS]     (default 100 1500)
set -eu
cd "$(dirname "$0")/../.."
scratch=.build-rel
swift build -c release --target RosterImport --scratch-path $scratch
swift build -c release --target Policy --scratch-path $scratch
work=$(mktemp -d)
synth=Sources/chaperone-bench/DetectBenchmark+Synthetic.swift
{
  printf 'import ChaperoneModel\nimport Detectors\n'
  sed -n '/^enum SyntheticSchool/,/^    static let filler/p' $synth | sed '$d'
  sed -n '/    static func csv(_ roster: Roster) -> \[UInt8\] {/,/^    }/p' $synth
  echo '}'
} > "$work/synth.swift"
cp benchmarks/roster-startup/main.swift.txt "$work/main.swift"
R=$scratch/release
swiftc -O -module-name RosterStartup "$work/main.swift" "$work/synth.swift" -I $R/Modules \
  -I $scratch/checkouts/Yams/Sources/CYaml/include -I Sources/CLibXML2 -Xcc -I/usr/include/libxml2 \
  $R/ChaperoneModel.build/*.o $R/Detectors.build/*.o $R/RosterImport.build/*.o $R/Policy.build/*.o $R/Yams.build/*.o \
  $(find $R/CYaml.build -name '*.o') -lxml2 -o "$work/roster-startup"
uptime
/usr/bin/time -f "user %U s, sys %S s, wall %e s, max RSS %M kB" "$work/roster-startup" "${1:-100}" "${2:-1500}"
rm -rf "$work"
