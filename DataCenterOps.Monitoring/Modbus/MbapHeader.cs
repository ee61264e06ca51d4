using System.Buffers.Binary;

namespace DataCenterOps.Monitoring.Modbus;

/// <summary>The 7-byte Modbus Application Protocol header in front of every Modbus TCP PDU (big-endian).</summary>
public readonly struct MbapHeader(ushort transactionId, ushort protocolId, ushort length, byte unitId)
{
    public const int Size = 7;

    /// <summary>Largest legal length field: unit id (1) + largest PDU (253).</summary>
    public const int MaxLength = 254;

    /// <summary>Bytes 0–1: echoed by the server, pairs a reply with its request.</summary>
    public ushort TransactionId { get; } = transactionId;

    /// <summary>Bytes 2–3: always 0 for Modbus.</summary>
    public ushort ProtocolId { get; } = protocolId;

    /// <summary>Bytes 4–5: count of the bytes that follow, unit id included.</summary>
    public ushort Length { get; } = length;

    /// <summary>Byte 6: unit (slave) id, used by gateways to route to serial devices.</summary>
    public byte UnitId { get; } = unitId;

    /// <summary>Bytes of the frame after the header (the PDU).</summary>
    public int PduLength => Length - 1;

    public static MbapHeader ReadFrom(ReadOnlySpan<byte> source)
    {
        if (source.Length < Size)
        {
            throw new ModbusProtocolException($"MBAP header needs {Size} bytes, got {source.Length}.");
        }

        return new MbapHeader(
            BinaryPrimitives.ReadUInt16BigEndian(source),        // 0..1 transaction id
            BinaryPrimitives.ReadUInt16BigEndian(source[2..]),   // 2..3 protocol id
            BinaryPrimitives.ReadUInt16BigEndian(source[4..]),   // 4..5 length
            source[6]);                                          // 6 unit id
    }

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, TransactionId);  // 0..1
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], ProtocolId); // 2..3
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], Length);     // 4..5
        destination[6] = UnitId;                                             // 6
    }
}
