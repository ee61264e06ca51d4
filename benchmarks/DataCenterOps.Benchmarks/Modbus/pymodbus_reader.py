#!/usr/bin/python3
"""Times N reads of 125 holding registers with pymodbus' synchronous TCP client (the peer in the
`modbus` end-to-end benchmark). Usage: /usr/bin/python3 pymodbus_reader.py PORT N
Prints one line: "<reads> <seconds>". Exits non-zero if any read fails."""
import sys
import time

from pymodbus.client import ModbusTcpClient


def main(port, reads):
    client = ModbusTcpClient("127.0.0.1", port=port, timeout=5)
    if not client.connect():
        sys.exit("cannot connect")
    for _ in range(min(200, reads)):  # warm-up
        client.read_holding_registers(0, 125, slave=1)
    start = time.perf_counter()
    for i in range(reads):
        reply = client.read_holding_registers((i % 8) * 125, 125, slave=1)
        if reply.isError() or len(reply.registers) != 125:
            sys.exit(f"read {i} failed: {reply}")
    elapsed = time.perf_counter() - start
    client.close()
    print(reads, elapsed)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
