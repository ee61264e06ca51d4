using System.Buffers.Binary;

namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// A read response ADU: MBAP header + function + byte count + data. A ref struct because it views the
/// receive buffer rather than copying it.
/// </summary>
public readonly ref struct ModbusReadResponse
{
    /// <summary>MBAP (7) + function (1) + byte count (1).</summary>
    public const int HeaderSize = MbapHeader.Size + 2;

    /// <summary>Largest ADU: 7 + 253-byte PDU.</summary>
    public const int MaxAduSize = MbapHeader.Size + MbapHeader.MaxLength - 1;

    public ModbusReadResponse(MbapHeader header, byte functionCode, byte byteCount, ReadOnlySpan<byte> data)
    {
        Header = header;
        FunctionCode = functionCode;
        ByteCount = byteCount;
        Data = data;
    }

    public MbapHeader Header { get; }

    public byte FunctionCode { get; }

    public byte ByteCount { get; }

    public ReadOnlySpan<byte> Data { get; }

    /// <summary>
    /// Structural parse: protocol id 0, MBAP length equal to the bytes that follow and within 254, byte
    /// count equal to the data present, nothing trailing.
    /// </summary>
    public static ModbusReadResponse ReadFrom(ReadOnlySpan<byte> source)
    {
        if (source.Length < HeaderSize)
        {
            throw new ModbusProtocolException($"Read response needs at least {HeaderSize} bytes, got {source.Length}.");
        }

        var header = MbapHeader.ReadFrom(source);
        if (header.ProtocolId != 0)
        {
            throw new ModbusProtocolException($"Protocol id {header.ProtocolId} is not Modbus (0).");
        }

        if (header.Length > MbapHeader.MaxLength || header.Length != source.Length - 6)
        {
            throw new ModbusProtocolException($"MBAP length {header.Length} does not match the {source.Length - 6} bytes that follow it.");
        }

        var byteCount = source[8];                                                  // 8 byte count
        var data = source[HeaderSize..];                                            // 9.. data
        if (byteCount != data.Length)
        {
            throw new ModbusProtocolException($"Byte count {byteCount} does not match the {data.Length} data bytes present.");
        }

        return new ModbusReadResponse(header, source[7], byteCount, data);          // 7 function code
    }

    /// <summary>Writes a register reply; returns the ADU length.</summary>
    public static int WriteRegisters(Span<byte> destination, ushort transactionId, byte unitId, ModbusFunctionCode functionCode, ReadOnlySpan<ushort> registers)
    {
        var byteCount = registers.Length * 2;
        new MbapHeader(transactionId, 0, (ushort)(byteCount + 3), unitId).WriteTo(destination);
        destination[7] = (byte)functionCode;
        destination[8] = (byte)byteCount;
        for (var i = 0; i < registers.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination[(HeaderSize + (2 * i))..], registers[i]);
        }

        return HeaderSize + byteCount;
    }

    /// <summary>Writes a bit reply (first bit in the least significant bit of the first byte); returns the ADU length.</summary>
    public static int WriteBits(Span<byte> destination, ushort transactionId, byte unitId, ModbusFunctionCode functionCode, ReadOnlySpan<bool> bits)
    {
        var byteCount = (bits.Length + 7) / 8;
        new MbapHeader(transactionId, 0, (ushort)(byteCount + 3), unitId).WriteTo(destination);
        destination[7] = (byte)functionCode;
        destination[8] = (byte)byteCount;
        var data = destination.Slice(HeaderSize, byteCount);
        data.Clear();
        for (var i = 0; i < bits.Length; i++)
        {
            if (bits[i])
            {
                data[i >> 3] |= (byte)(1 << (i & 7));
            }
        }

        return HeaderSize + byteCount;
    }
}
