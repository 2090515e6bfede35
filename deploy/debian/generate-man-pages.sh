#!/usr/bin/env bash
# Regenerates deploy/debian/man: the man pages of chaperone, one per subcommand, made by
# swift-argument-parser's generate-manual plugin, and chaperone.help.json, the
# `chaperone --experimental-dump-help` they were made from. build-deb.sh and
# DebianPackageTests compare that file with the binary's, so a change to any command's
# help fails until this is run and its output committed.
#
#   deploy/debian/generate-man-pages.sh        (from anywhere; builds the debug products)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
man="$root/deploy/debian/man"
# The date printed in the pages is the last commit's, so regenerating unchanged help
# changes nothing.
date=$(git log -1 --format=%cs)

swift package plugin generate-manual --configuration debug --multi-page --date "$date" \
    --authors "The Chaperone authors"
generated="$root/.build/plugins/GenerateManual/outputs/chaperone"
ls "$generated"/chaperone.1 >/dev/null

rm -f "$man"/*.1
mkdir -p "$man"
cp "$generated"/*.1 "$man/"
"$(swift build --show-bin-path)/chaperone" --experimental-dump-help >"$man/chaperone.help.json"
echo "deploy/debian/man: $(ls "$man"/*.1 | wc -l) pages"
