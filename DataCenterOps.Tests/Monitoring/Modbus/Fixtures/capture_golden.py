#!/usr/bin/python3
"""One-off: sends raw read requests to pymodbus_gencomm_server.py and prints request/reply pairs as hex.

Usage: /usr/bin/python3 capture_golden.py PORT > pymodbus-golden.txt
Each output line: name request-hex reply-hex. The tests replay the replies through our decoder.
"""
import socket
import struct
import sys

CASES = [
    # name, transaction id, unit, function, start, quantity
    ("holding_gencomm_1024x12", 0x0101, 1, 3, 1024, 12),
    ("holding_0x125", 0x0102, 1, 3, 0, 125),
    ("holding_float_1100x2", 0x0103, 1, 3, 1100, 2),
    ("holding_alarms_2048x3", 0x0104, 1, 3, 2048, 3),
    ("holding_runtime_1798x12", 0x0105, 7, 3, 1798, 12),
    ("input_100x10", 0x0106, 1, 4, 100, 10),
    ("coils_0x20", 0x0107, 1, 1, 0, 20),
    ("discrete_0x13", 0x0108, 1, 2, 0, 13),
    ("coils_0x2000", 0x0109, 1, 1, 0, 2000),
    ("exception_illegal_address_5000x2", 0x010A, 1, 3, 5000, 2),
    ("exception_illegal_value_0x126", 0x010B, 1, 3, 0, 126),
]


def receive_frame(sock):
    header = b""
    while len(header) < 7:
        header += sock.recv(7 - len(header))
    length = struct.unpack(">H", header[4:6])[0]
    body = b""
    while len(body) < length - 1:
        body += sock.recv(length - 1 - len(body))
    return header + body


def main(port):
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        for name, tid, unit, function, start, quantity in CASES:
            request = struct.pack(">HHHBBHH", tid, 0, 6, unit, function, start, quantity)
            sock.sendall(request)
            print(name, request.hex(), receive_frame(sock).hex())


if __name__ == "__main__":
    main(int(sys.argv[1]))
