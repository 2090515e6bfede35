#!/usr/bin/env python3
"""Writes fuzz/seeds/TARGET/ from the samples and the test fixtures: whole messages for
FuzzMIME, each attachment by type for the reader targets, the roster exports, and a
milter conversation built frame by frame for FuzzMilter. Run again after adding samples."""
import email, email.policy, glob, hashlib, os, struct, sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
seeds = os.path.join(root, "fuzz", "seeds")

def put(target, data, name=None):
    folder = os.path.join(seeds, target)
    os.makedirs(folder, exist_ok=True)
    name = name or hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join(folder, name), "wb") as out:
        out.write(data)

readers = {".docx": "FuzzOOXML", ".xlsx": "FuzzOOXML", ".zip": "FuzzOOXML", ".pdf": "FuzzPDF",
           ".xml": "FuzzXML", ".csv": "FuzzCSV", ".html": "FuzzHTML", ".htm": "FuzzHTML"}
messages = sorted(glob.glob(os.path.join(root, "samples/messages/*.eml"))
                  + glob.glob(os.path.join(root, "Tests/MIMEParserTests/Fixtures/*.eml")))
for path in messages:
    raw = open(path, "rb").read()
    put("FuzzMIME", raw, os.path.basename(path))
    for part in email.message_from_bytes(raw, policy=email.policy.compat32).walk():
        if part.is_multipart():
            continue
        payload = part.get_payload(decode=True) or b""
        filename = (part.get_filename() or "").lower()
        target = readers.get(os.path.splitext(filename)[1])
        if target is None and part.get_content_type() == "text/html":
            target = "FuzzHTML"
        if target and payload:
            put(target, payload)
for path in glob.glob(os.path.join(root, "Tests/TextExtractionTests/Fixtures/*.pdf")):
    put("FuzzPDF", open(path, "rb").read(), os.path.basename(path))
# The legacy and archive readers: the test fixtures, each made by real software (see
# Tests/TextExtractionTests/Fixtures/LEGACY-FIXTURES.md and Tests/ScanPipelineTests/Fixtures/formats/source).
# FuzzCompoundFile and FuzzODF take a first byte that picks the name the file arrives under.
fixtures = os.path.join(root, "Tests/TextExtractionTests/Fixtures")
formats = os.path.join(root, "Tests/ScanPipelineTests/Fixtures/formats")
for name, selector in [("legacy-word.doc", 0), ("legacy-excel.xls", 1), ("legacy-powerpoint.ppt", 2),
                       ("outlook-review.msg", 3), ("legacy-word-password.doc", 0), ("legacy-excel-password.xls", 1)]:
    put("FuzzCompoundFile", bytes([selector]) + open(os.path.join(fixtures, name), "rb").read(), name)
put("FuzzRTF", open(os.path.join(fixtures, "writer.rtf"), "rb").read(), "writer.rtf")
put("FuzzTNEF", open(os.path.join(fixtures, "tnef-winmail.dat"), "rb").read(), "tnef-winmail.dat")
for path in sorted(glob.glob(os.path.join(formats, "*.od[tsp]"))):
    selector = {".odt": 0, ".ods": 1, ".odp": 2}[os.path.splitext(path)[1]]
    put("FuzzODF", bytes([selector]) + open(path, "rb").read(), os.path.basename(path))
for path in sorted(glob.glob(os.path.join(formats, "source", "*.fod[tsp]")))[:4]:
    put("FuzzODF", bytes([3]) + open(path, "rb").read(), os.path.basename(path))
for path in sorted(glob.glob(os.path.join(formats, "trip.*")) + glob.glob(os.path.join(formats, "*.gz"))):
    if not path.endswith(".zip"):
        put("FuzzArchive", open(path, "rb").read(), os.path.basename(path))
put("FuzzXML", open(os.path.join(root, "samples/roster/pupils-ctf.xml"), "rb").read(), "pupils-ctf.xml")
put("FuzzCSV", open(os.path.join(root, "samples/roster/pupils.csv"), "rb").read(), "pupils.csv")
put("FuzzRosterCSV", open(os.path.join(root, "samples/roster/pupils.csv"), "rb").read(), "pupils.csv")
put("FuzzRosterCSV", open(os.path.join(root, "samples/roster/staff.csv"), "rb").read(), "staff.csv")
put("FuzzRosterCTF", open(os.path.join(root, "samples/roster/pupils-ctf.xml"), "rb").read(), "pupils-ctf.xml")

def frame(command, payload=b""):
    return struct.pack(">I", len(payload) + 1) + command + payload

def conversation(message):
    headers, _, body = message.partition(b"\r\n\r\n")
    out = frame(b"O", struct.pack(">III", 6, 0x1FF, 0x1FFFFF))
    out += frame(b"D", b"C" + b"j\0mail.school.example\0{client_addr}\x00127.0.0.1\0")
    out += frame(b"C", b"localhost\0" + b"4" + struct.pack(">H", 25) + b"127.0.0.1\0")
    out += frame(b"D", b"M" + b"i\x004ABCD123\0")
    out += frame(b"M", b"<c.bennett@ralphthoresby.example>\0SIZE=100\0")
    out += frame(b"R", b"<someone@gmail.com>\0")
    out += frame(b"T")
    for line in headers.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name:
            out += frame(b"L", name + b"\0" + value + b"\0")
    out += frame(b"N")
    for start in range(0, len(body), 4096):
        out += frame(b"B", body[start:start + 4096])
    out += frame(b"E") + frame(b"A") + frame(b"Q")
    return out

for path in messages[:12]:
    # The first byte picks the piece size the fuzz target feeds the decoder.
    put("FuzzMilter", b"\x07" + conversation(open(path, "rb").read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")),
        os.path.basename(path) + ".milter")
print("seeds in", seeds, file=sys.stderr)
