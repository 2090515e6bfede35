#!/usr/bin/env python3
"""SMTP sink, load generator and report table for benchmarks/postfix-latency.sh.

Standard library only. Every socket is on 127.0.0.1.

  smtp_load.py sink PORT COUNT_FILE
      Answers 250 to every command (354 to DATA, 221 to QUIT) and discards each
      message. Appends one character per message to COUNT_FILE: "C" when the
      message carries Chaperone's trace header (X-Chaperone:), "-" when not.
      Runs until SIGTERM.

  smtp_load.py send PORT SENDERS MESSAGES TEMPLATE [--warmup N]
      SENDERS threads, each sends MESSAGES messages, one SMTP connection per
      message, and times the whole transaction: connect, EHLO, MAIL, RCPT,
      DATA, QUIT. The message is TEMPLATE (an .eml file) padded with ordinary
      prose to about 20 KB. Prints one JSON line: count, failures, latencies.

  smtp_load.py table RESULT...
      Reads the JSON lines written by `send` (label=FILE) and prints the
      median / p99 table and the milter's added latency.
"""

import json
import math
import signal
import socket
import smtplib
import statistics
import sys
import threading
import time

# Ordinary staff-room prose with no pupil names, identifiers or unsafe
# contacts, so the milter does a full scan and accepts the message.
PADDING_PARAGRAPHS = [
    "The Year 9 history scheme of work for next term is now on the shared "
    "drive. Each lesson has a starter, a source task and a short written "
    "plenary. Please add any resources you make to the same folder so the "
    "department can use them next year.",
    "Parents' evening for Year 11 will run from 4pm to 7pm in the main hall. "
    "Tables will be set out by department; please bring your mark books and "
    "the latest predicted grades. Refreshments will be in the staff room.",
    "The fire drill on Wednesday will take place during period 2. Classes "
    "should leave by the nearest exit and line up on the top field in tutor "
    "groups. Registers will be brought out by the office team.",
    "Reminder that reports for Key Stage 3 are due by the end of the month. "
    "Comments should be two or three sentences, focus on progress and next "
    "steps, and avoid abbreviations that families may not understand.",
    "The library will be closed on Friday afternoon for the stock check. "
    "Homework club will move to room 14 for that day only, and the usual "
    "laptops can be collected from the IT office before lunch.",
    "The staff briefing on Monday will cover the new duty rota, the changes "
    "to the lunchtime arrangements and the dates for the spring term "
    "training days. Please read the attached notes beforehand.",
]
TARGET_BYTES = 20_000


def padded_message(template: bytes) -> bytes:
    """The template (CRLF line ends) with prose appended to about TARGET_BYTES."""
    text = template.replace(b"\r\n", b"\n").rstrip(b"\n") + b"\n\n"
    index = 0
    while len(text) < TARGET_BYTES:
        paragraph = PADDING_PARAGRAPHS[index % len(PADDING_PARAGRAPHS)]
        text += wrap(paragraph).encode() + b"\n\n"
        index += 1
    return text.replace(b"\n", b"\r\n")


def wrap(paragraph: str, width: int = 72) -> str:
    lines, line = [], ""
    for word in paragraph.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "\n".join(lines)


def header_value(message: bytes, name: bytes) -> bytes:
    for line in message.split(b"\r\n"):
        if not line:
            break
        if line.lower().startswith(name.lower() + b":"):
            return line.split(b":", 1)[1].strip()
    return b""


def address(value: bytes) -> str:
    text = value.decode()
    return text[text.find("<") + 1:text.find(">")] if "<" in text else text


# ---------------------------------------------------------------- sink

def run_sink(port: int, count_file: str) -> None:
    """A threaded SMTP sink: accepts everything, keeps nothing but a tally."""
    tally_lock = threading.Lock()
    tally = open(count_file, "a")

    def serve(connection: socket.socket) -> None:
        with connection:
            connection.settimeout(120)
            stream = connection.makefile("rb")
            connection.sendall(b"220 sink ESMTP\r\n")
            try:
                for line in stream:
                    command = line[:4].upper()
                    if command == b"DATA":
                        connection.sendall(b"354 go ahead\r\n")
                        traced = False
                        in_header = True
                        for data_line in stream:
                            if data_line == b".\r\n":
                                break
                            if in_header:
                                if data_line in (b"\r\n", b"\n"):
                                    in_header = False
                                elif data_line.lower().startswith(b"x-chaperone:"):
                                    traced = True
                        with tally_lock:
                            tally.write("C" if traced else "-")
                            tally.flush()
                        connection.sendall(b"250 discarded\r\n")
                    elif command == b"QUIT":
                        connection.sendall(b"221 bye\r\n")
                        return
                    else:
                        connection.sendall(b"250 ok\r\n")
            except OSError:
                return

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(128)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()


# ---------------------------------------------------------------- sender

def one_transaction(port: int, sender: str, recipient: str, message: bytes) -> float:
    """Seconds for connect → EHLO → MAIL → RCPT → DATA → QUIT. Raises on any refusal."""
    start = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port, local_hostname="bench.localdomain", timeout=60) as smtp:
        refused = smtp.sendmail(sender, [recipient], message)
        if refused:
            raise smtplib.SMTPRecipientsRefused(refused)
        smtp.quit()
    return time.perf_counter() - start


def run_sender(port: int, senders: int, messages: int, template_path: str, warmup: int) -> None:
    template = padded_message(open(template_path, "rb").read())
    sender = address(header_value(template, b"From"))
    recipient = address(header_value(template, b"To"))
    message_id = header_value(template, b"Message-ID")

    def message_for(thread: int, index: int) -> bytes:
        # A distinct Message-ID per message, the rest byte-identical.
        unique = b"<bench-%d-%d-%d@ralphthoresby.example>" % (port, thread, index)
        return template.replace(message_id, unique, 1) if message_id else template

    # Warm-up: a few messages through the same listener, not timed.
    for index in range(warmup):
        one_transaction(port, sender, recipient, message_for(-1, index))

    latencies, failures = [], []
    lock = threading.Lock()
    barrier = threading.Barrier(senders)

    def worker(thread: int) -> None:
        mine, errors = [], []
        barrier.wait()
        for index in range(messages):
            try:
                mine.append(one_transaction(port, sender, recipient, message_for(thread, index)))
            except (OSError, smtplib.SMTPException) as error:
                errors.append(f"{type(error).__name__}: {error}"[:200])
        with lock:
            latencies.extend(mine)
            failures.extend(errors)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(senders)]
    wall_start = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - wall_start
    print(json.dumps({
        "senders": senders, "messages_per_sender": messages, "bytes": len(template),
        "count": len(latencies), "failures": len(failures), "first_failures": failures[:3],
        "wall_seconds": wall, "latencies": latencies,
    }))


# ---------------------------------------------------------------- report

def percentile(sorted_values: list, fraction: float) -> float:
    """Nearest-rank percentile."""
    rank = max(1, math.ceil(fraction * len(sorted_values)))
    return sorted_values[rank - 1]


def summary(path: str) -> dict:
    result = json.loads(open(path).read())
    values = sorted(result["latencies"])
    result["median_ms"] = statistics.median(values) * 1000 if values else float("nan")
    result["p99_ms"] = percentile(values, 0.99) * 1000 if values else float("nan")
    result["rate"] = result["count"] / result["wall_seconds"] if result["wall_seconds"] else 0
    return result


def run_table(arguments: list) -> None:
    """Arguments: SENDERS:without=FILE SENDERS:with=FILE pairs, in order."""
    rows = {}
    for argument in arguments:
        label, path = argument.split("=", 1)
        senders, variant = label.split(":")
        rows.setdefault(int(senders), {})[variant] = summary(path)
    print(f"{'senders':>7}  {'listener':<14} {'msgs':>5} {'fail':>4} "
          f"{'median ms':>10} {'p99 ms':>9} {'msgs/s':>8}")
    for senders in sorted(rows):
        for variant in ("without", "with"):
            r = rows[senders].get(variant)
            if r is None:
                continue
            name = "no milter" if variant == "without" else "chaperone"
            print(f"{senders:>7}  {name:<14} {r['count']:>5} {r['failures']:>4} "
                  f"{r['median_ms']:>10.2f} {r['p99_ms']:>9.2f} {r['rate']:>8.1f}")
            for failure in r["first_failures"]:
                print(f"{'':>9}failure: {failure}")
        if "without" in rows[senders] and "with" in rows[senders]:
            a, b = rows[senders]["without"], rows[senders]["with"]
            print(f"{senders:>7}  {'added':<14} {'':>5} {'':>4} "
                  f"{b['median_ms'] - a['median_ms']:>+10.2f} {b['p99_ms'] - a['p99_ms']:>+9.2f}")


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    mode, rest = sys.argv[1], sys.argv[2:]
    if mode == "sink" and len(rest) == 2:
        run_sink(int(rest[0]), rest[1])
    elif mode == "send" and len(rest) in (4, 6):
        warmup = int(rest[5]) if len(rest) == 6 and rest[4] == "--warmup" else 0
        run_sender(int(rest[0]), int(rest[1]), int(rest[2]), rest[3], warmup)
    elif mode == "table" and rest:
        run_table(rest)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
