#!/usr/bin/env bash
# Writes the packaged /etc/chaperone/chaperone.yaml to stdout: samples/chaperone.yaml
# (every key, with its comment) with the state under /var, the roster in
# /etc/chaperone/roster, and none of the sample school's list file. Each replaced line
# must be found, so a change to the sample that this misses fails the package build.
#
#   deploy/debian/packaged-config.sh samples/chaperone.yaml > chaperone.yaml
set -euo pipefail
sample=${1:?usage: packaged-config.sh samples/chaperone.yaml}

replace() { # pattern (an extended regex matching one whole line), replacement line
    local count
    count=$(grep -c -E "^$1\$" "$sample" || true)
    [ "$count" = 1 ] || { echo "packaged-config.sh: $sample has $count lines matching '$1' (expected 1): update deploy/debian/packaged-config.sh" >&2; exit 1; }
    script+=("s|^$1\$|$2|")
}

script=()
replace '# Chaperone configuration for .*' \
    '# /etc/chaperone/chaperone.yaml: Chaperone'"'"'s configuration, installed by the chaperone package from\n# the sample school'"'"'s (an invented school: set school.domains and the other school keys to\n# yours). A dpkg conffile: upgrades keep your edits.'
replace '# Check it with: .*' \
    '# Copy the MIS export to /etc/chaperone/roster/pupils.csv (and staff.csv), then check it as\n# the service user:  runuser -u chaperone -- chaperone check-config /etc/chaperone/chaperone.yaml'
replace '  files: \[roster/pupils.csv, roster/pupils-ctf.xml\] (# .*)' \
    '  files: [roster/pupils.csv]                        \1'
replace '  spool_directory: /tmp/chaperone-spool .*' \
    '  spool_directory: /var/spool/chaperone   # default: /var/spool/chaperone'
replace '  database: /tmp/chaperone-sample.sqlite .*' \
    '  database: /var/lib/chaperone/chaperone.sqlite  # default: /var/lib/chaperone/chaperone.sqlite'
replace '  list_file: lists.txt (.*)' \
    '  list_file: null     \1'

sed -E "$(printf '%s\n' "${script[@]}")" "$sample"
