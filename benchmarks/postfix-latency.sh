#!/usr/bin/env bash
# Latency that Chaperone's milter adds to each message going through a real Postfix.
#
#   sudo benchmarks/postfix-latency.sh [MESSAGES_PER_SENDER]     (default 200)
#   CHAPERONE_BINARY=path/to/chaperone sudo -E benchmarks/postfix-latency.sh   (skip the build)
#   SENDERS="1" ...       only these numbers of concurrent senders (default "1 20")
#   KEEP_LOGS=DIR ...   copies the milter, Postfix and sink logs and raw results to DIR on exit
#
# Sets up, in a fresh temporary directory and on random 127.0.0.1 ports only:
#   - an SMTP sink (benchmarks/smtp_load.py sink) that accepts and discards everything;
#   - `chaperone serve` (release build) with the sample roster, notifications off;
#   - a private Postfix instance (own config, queue and data directories, chroot off,
#     started as root) with two smtpd listeners: one through the milter and one
#     milter-free, both relaying to the sink.
# Then, for 1 and for 20 concurrent senders, sends MESSAGES_PER_SENDER messages per
# sender first to the milter-free listener and then to the milter listener. Each message
# is samples/messages/01-internal-staff-note.eml padded with ordinary prose to ~20 KB
# (clean, so the milter scans all of it and accepts). Every message opens its own SMTP
# connection; the time measured is the whole transaction, connect → QUIT, so it includes
# Postfix's connection to the milter and the milter's end-of-message verdict.
# Prints median and p99 per case and the difference, then the milter's peak RSS (VmHWM).
# Every wait is bounded; everything it started or wrote is removed on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
repository=$(pwd)
per_sender=${1:-200}
read -r -a concurrencies <<< "${SENDERS:-1 20}"
warmup=10
binary=${CHAPERONE_BINARY:-$repository/.build/release/chaperone}
template=$repository/samples/messages/01-internal-staff-note.eml
load=$repository/benchmarks/smtp_load.py

die() { echo "postfix-latency: $*" >&2; exit 1; }
[[ $per_sender =~ ^[1-9][0-9]*$ ]] || die "MESSAGES_PER_SENDER must be a positive integer"
[[ $EUID -eq 0 ]] || die "run as root (Postfix's master must start as root)"
[[ -x /usr/sbin/postfix ]] || die "Postfix is not installed (/usr/sbin/postfix)"
command -v python3 >/dev/null || die "python3 is needed for the sink and the load generator"

# --- Release build: reuse it when it is newer than every source file, else build it. ---
if [[ -n ${CHAPERONE_BINARY:-} ]]; then
  [[ -x $binary ]] || die "CHAPERONE_BINARY=$binary is not executable"
elif [[ ! -x $binary ]] || [[ -n $(find Sources Package.swift Package.resolved -type f -newer "$binary" -print -quit) ]]; then
  echo "building chaperone (release)..." >&2
  build_log=$(timeout 1800 swift build -c release --product chaperone 2>&1) || die "release build failed: $build_log"
fi

# --- Workspace and cleanup: every process and file this script creates is undone on exit. ---
work=$(mktemp -d /tmp/chaperone-latency.XXXXXX)
chmod 755 "$work" # Postfix's daemons run as the postfix user and must traverse it.
sink_pid=""
milter_pid=""
sender_pid=""
postfix_started=""
cleanup() {
  set +e
  if [[ -n $postfix_started ]]; then
    local master
    master=$(tr -d ' \n' < "$work/postfix/queue/pid/master.pid" 2>/dev/null)
    timeout 20 /usr/sbin/postfix -c "$work/postfix/etc" stop >/dev/null 2>&1
    for _ in $(seq 100); do [[ -n $master ]] && kill -0 "$master" 2>/dev/null || break; sleep 0.1; done
    [[ -n $master ]] && kill -0 "$master" 2>/dev/null && kill -KILL "$master"
  fi
  for pid in $sender_pid $milter_pid $sink_pid; do
    kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
  done
  if [[ -n ${KEEP_LOGS:-} ]]; then
    mkdir -p "$KEEP_LOGS" && cp "$work"/*.log "$work"/result-*.json "$work/postfix/maillog" "$KEEP_LOGS"/ 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A loopback port that was free a moment ago.
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Waits (at most $2 seconds) until something accepts connections on 127.0.0.1:$1.
wait_for_port() {
  local port=$1 deadline=$((SECONDS + $2))
  until python3 -c "import socket, sys; socket.create_connection(('127.0.0.1', $port), 1).close()" 2>/dev/null; do
    ((SECONDS < deadline)) || return 1
    sleep 0.2
  done
}

# Number of messages still in the Postfix queue (files under its queue subdirectories).
queued() {
  find "$work/postfix/queue/maildrop" "$work/postfix/queue/incoming" "$work/postfix/queue/active" \
    "$work/postfix/queue/deferred" "$work/postfix/queue/hold" -type f 2>/dev/null | wc -l
}

# Waits (at most 120 s) until Postfix has delivered everything to the sink, so one case's
# deliveries do not compete with the next case's measurements.
wait_for_empty_queue() {
  local deadline=$((SECONDS + 120))
  while (($(queued) > 0)); do
    ((SECONDS < deadline)) || die "Postfix queue did not drain in 120 s (see $work/postfix/maillog)"
    sleep 0.2
  done
}

# CPU time a process has used, in clock ticks (utime + stime, fields 14 and 15 of
# /proc/PID/stat, counted after the parenthesised command name).
cpu_ticks() {
  sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'
}

sink_port=$(free_port)
milter_port=$(free_port)
with_port=$(free_port)
without_port=$(free_port)

# --- SMTP sink: the relay host of the Postfix instance. ---
python3 "$load" sink "$sink_port" "$work/sink-tally" 2>"$work/sink.log" &
sink_pid=$!
wait_for_port "$sink_port" 10 || die "the SMTP sink did not start: $(cat "$work/sink.log")"

# --- Chaperone's milter, with the sample roster and a database in the workspace. ---
mkdir -p "$work/spool"
cat > "$work/chaperone.yaml" <<EOF
school:
  name: Ralph Thoresby School
  domains: [ralphthoresby.example, pupils.ralphthoresby.example]
roster:
  files: [$repository/samples/roster/pupils.csv, $repository/samples/roster/pupils-ctf.xml]
  staff_file: $repository/samples/roster/staff.csv
milter:
  listen: inet:127.0.0.1:$milter_port
  spool_directory: $work/spool
store:
  database: $work/chaperone.sqlite
release:
  reinject_listener: 127.0.0.1:$without_port
notifications:
  enabled: false
EOF
"$binary" serve --config "$work/chaperone.yaml" >"$work/chaperone.log" 2>&1 &
milter_pid=$!
wait_for_port "$milter_port" 30 || die "chaperone serve did not listen: $(tail -20 "$work/chaperone.log")"
milter_cpu_ticks_at_start=$(cpu_ticks "$milter_pid") # so start-up (roster loading) is not counted

# --- Private Postfix instance (same layout as Tests/EndToEndTests/Support/PostfixInstance). ---
# etc/ and queue/ owned by root, data/ by postfix; `postfix check` makes the queue subdirectories.
mkdir -p "$work/postfix/etc" "$work/postfix/queue" "$work/postfix/data"
chmod 755 "$work/postfix" "$work/postfix/etc" "$work/postfix/queue" "$work/postfix/data"
chown postfix "$work/postfix/data"
cat > "$work/postfix/etc/main.cf" <<EOF
compatibility_level = 3.6
queue_directory = $work/postfix/queue
data_directory = $work/postfix/data
mail_owner = postfix
setgid_group = postdrop
myhostname = chaperone-bench.localdomain
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mydestination =
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
relayhost = [127.0.0.1]:$sink_port
smtp_tls_security_level = none
smtpd_tls_security_level = none
alias_maps =
alias_database =
biff = no
message_size_limit = 40000000
maillog_file = $work/postfix/maillog
maillog_file_prefixes = $work
smtpd_milters = inet:127.0.0.1:$milter_port
non_smtpd_milters =
milter_protocol = 6
milter_default_action = tempfail
milter_connect_timeout = 5s
milter_command_timeout = 10s
milter_content_timeout = 60s
EOF
# Two smtpd listeners: with the milter (main.cf's smtpd_milters) and without it.
cat > "$work/postfix/etc/master.cf" <<EOF
127.0.0.1:$with_port inet n - n - - smtpd
127.0.0.1:$without_port inet n - n - - smtpd -o smtpd_milters=
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
EOF
timeout 60 /usr/sbin/postfix -c "$work/postfix/etc" check || die "postfix check failed"
postfix_started=yes
timeout 60 /usr/sbin/postfix -c "$work/postfix/etc" start 2>/dev/null || die "postfix start failed"
wait_for_port "$with_port" 30 && wait_for_port "$without_port" 30 \
  || die "Postfix did not listen: $(tail -20 "$work/postfix/maillog" 2>/dev/null)"

# --- The runs: for each concurrency, milter-free listener first, then the milter listener. ---
echo "Postfix $(postconf -h mail_version 2>/dev/null), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$per_sender messages per sender, one SMTP connection per message (connect → QUIT timed)"
echo "milter: $binary (built $(date -u -r "$binary" '+%Y-%m-%d %H:%M UTC'))"
results=()
expected_traced=0
for senders in "${concurrencies[@]}"; do
  for variant in without with; do
    if [[ $variant == with ]]; then port=$with_port; else port=$without_port; fi
    wait_for_empty_queue
    kill -0 "$milter_pid" 2>/dev/null || die "chaperone serve exited: $(tail -20 "$work/chaperone.log")"
    # Bounded: 60 s plus 0.2 s per message (at least 5 messages a second).
    limit=$((60 + senders * per_sender / 5))
    # In the background and waited for, so that INT/TERM reach the trap at once.
    timeout "$limit" python3 "$load" send "$port" "$senders" "$per_sender" "$template" --warmup "$warmup" \
      > "$work/result-$senders-$variant.json" &
    sender_pid=$!
    wait "$sender_pid" || die "$senders-sender run ($variant milter) failed or took over $limit s"
    sender_pid=""
    results+=("$senders:$variant=$work/result-$senders-$variant.json")
    if [[ $variant == with ]]; then expected_traced=$((expected_traced + senders * per_sender + warmup)); fi
  done
done
wait_for_empty_queue

# --- Report. ---
echo
python3 "$load" table "${results[@]}"
milter_cpu_ticks_now=$(cpu_ticks "$milter_pid")
peak_rss_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$milter_pid/status")
tally=$(cat "$work/sink-tally" 2>/dev/null || true)
traced=$(tr -cd 'C' <<< "$tally" | wc -c)
milter_cpu_ms=$(((milter_cpu_ticks_now - milter_cpu_ticks_at_start) * 1000 / $(getconf CLK_TCK)))
echo
echo "chaperone serve peak RSS (VmHWM): $((peak_rss_kb / 1024)) MiB ($peak_rss_kb kB)"
echo "chaperone serve CPU time after start-up: $milter_cpu_ms ms for $expected_traced messages" \
  "($(awk -v t="$milter_cpu_ms" -v n="$expected_traced" 'BEGIN { printf "%.2f", t / n }') ms per message)"
echo "sink received ${#tally} messages, $traced with Chaperone's X-Chaperone trace header" \
  "(expected $expected_traced through the milter)"
((traced == expected_traced)) || echo "WARNING: not every message sent to the milter listener came back with the trace header"
echo "chaperone serve log: $(grep -ciE 'warning|error|critical' "$work/chaperone.log" || true) warning/error lines;" \
  "Postfix log: $(grep -ciE 'warning|error|fatal|panic' "$work/postfix/maillog" || true) warning/error lines"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
