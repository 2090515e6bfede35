# Writes TNEF (winmail.dat) fixtures as MS-OXTNEF describes them, since no free tool
# writes TNEF; the result is checked by reading it back with tnefparse 1.4.0 (PyPI).
# The RTF body is compressed with compressed_rtf (PyPI), as Outlook does (LZFu).
import struct, sys, compressed_rtf

def attribute(level, ident, data):
    return struct.pack('<BII', level, ident, len(data)) + data + struct.pack('<H', sum(data) & 0xFFFF)

def padded(data):
    return data + b'\0' * (-len(data) % 4)

def prop_string8(pid, text):
    raw = text.encode('cp1252') + b'\0'
    return struct.pack('<HHII', 0x001E, pid, 1, len(raw)) + padded(raw)

def prop_binary(pid, data):
    return struct.pack('<HHII', 0x0102, pid, 1, len(data)) + padded(data)

def prop_long(pid, value):
    return struct.pack('<HHI', 0x0003, pid, value)

def tnef(subject, rtf, files):
    out = struct.pack('<IH', 0x223E9F78, 0x0001)
    out += attribute(1, 0x00089006, struct.pack('<I', 0x00010000))
    out += attribute(1, 0x00069007, struct.pack('<II', 1252, 0))
    out += attribute(1, 0x00078008, b'IPM.Microsoft Mail.Note\0')
    out += attribute(1, 0x00018004, subject.encode('cp1252') + b'\0')
    props = [prop_long(0x0E07, 0), prop_binary(0x1009, compressed_rtf.compress(rtf, compressed=True))]
    out += attribute(1, 0x00069003, struct.pack('<I', len(props)) + b''.join(props))
    for name, data in files:
        out += attribute(2, 0x00069002, struct.pack('<HIHHHI', 1, 0xFFFFFFFF, 0, 0, 0, 0)[:14])
        out += attribute(2, 0x00018010, name.encode('cp1252') + b'\0')
        out += attribute(2, 0x0006800F, data)
        aprops = [prop_string8(0x3707, name), prop_long(0x0E21, 0)]
        out += attribute(2, 0x00069005, struct.pack('<I', len(aprops)) + b''.join(aprops))
    return out

rtf = (b"{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\\fs20 "
       b"Dear colleague,\\par Ali Rahman (date of birth 07/01/2011) needs the reading support plan "
       b"caf\\'e9.\\par}")
xls = open(sys.argv[1], 'rb').read()
open('winmail.dat', 'wb').write(tnef("SEN plan - Year 10", rtf, [("pupils.xls", xls), ("note.txt", b"Plain note\r\n")]))
