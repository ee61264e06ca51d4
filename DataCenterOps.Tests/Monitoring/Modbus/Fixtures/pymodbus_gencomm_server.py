#!/usr/bin/python3
"""A pymodbus 3.0 TCP server holding known GenComm-style values, for DataCenterOps' Modbus tests.

Run with /usr/bin/python3 (the interpreter that has python3-pymodbus). Listens on 127.0.0.1 at the
port given (0 = any free port), prints "LISTENING <port>" once it accepts connections, and exits
when its standard input closes, so it never outlives the test that started it.
"""
import asyncio
import os
import sys
import threading

from pymodbus.datastore import ModbusSequentialDataBlock, ModbusServerContext, ModbusSlaveContext
from pymodbus.server import StartAsyncTcpServer

SIZE = 3000  # addresses 0..2999 exist in every table; anything beyond answers exception 0x02


def holding_registers():
    values = [(i * 7 + 3) & 0xFFFF for i in range(SIZE)]
    gencomm = {
        772: 1,                      # control mode: Auto
        1024: 350,                   # oil pressure kPa
        1025: (-12) & 0xFFFF,        # coolant temperature, int16 -12 degC
        1026: 0x7FFF,                # oil temperature, int16 "not available"
        1027: 76,                    # fuel level %
        1028: 0xFFFC,                # uint16 sensor fault -4 (transducer fault)
        1029: 271,                   # battery 27.1 V
        1030: 1500,                  # engine speed rpm
        1031: 500,                   # generator 50.0 Hz
        1032: 0x0000, 1033: 2301,    # L1-N 230.1 V (uint32, high word first)
        1034: 0x0001, 1035: 0x0002,  # 65538
        1036: 0xFFFF, 1037: 0xFFFF,  # uint32 "not available"
        1100: 0x4049, 1101: 0x0FD0,  # float32 3.14159 high word first
        1408: 3,                     # engine state: running
        1558: 455,                   # load 45.5 %
        1798: 0x0001, 1799: 0xE240,  # run time 123456 s
        1808: 0x0000, 1809: 42,      # number of starts
        2048: 3,                     # number of alarms
        2049: 0x1231,                # alarms 1-4: inactive, warning, shutdown, inactive
        2050: 0x11F1,                # alarms 5-8: inactive, inactive, n/a, inactive
    }
    for address, value in gencomm.items():
        values[address] = value
    return values


def build_context():
    slave = ModbusSlaveContext(
        co=ModbusSequentialDataBlock(0, [i % 3 == 0 for i in range(SIZE)]),
        di=ModbusSequentialDataBlock(0, [i % 5 == 0 for i in range(SIZE)]),
        hr=ModbusSequentialDataBlock(0, holding_registers()),
        ir=ModbusSequentialDataBlock(0, [(i * 3 + 1) & 0xFFFF for i in range(SIZE)]),
        zero_mode=True,
    )
    return ModbusServerContext(slaves=slave, single=True)


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


async def main(port):
    server = await StartAsyncTcpServer(
        context=build_context(), address=("127.0.0.1", port), defer_start=True, allow_reuse_address=True)
    serving = asyncio.create_task(server.serve_forever())
    await server.serving
    print(f"LISTENING {server.server.sockets[0].getsockname()[1]}", flush=True)
    await serving


if __name__ == "__main__":
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
