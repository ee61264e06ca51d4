using System.Buffers.Binary;

namespace DataCenterOps.Monitoring.Modbus;

/// <summary>A complete read request ADU (function codes 1–4): MBAP header + function + start + quantity, 12 bytes.</summary>
public readonly struct ModbusReadRequest(ushort transactionId, byte unitId, ModbusFunctionCode functionCode, ushort startAddress, ushort quantity)
{
    public const int Size = MbapHeader.Size + PduSize;

    /// <summary>Function (1) + start address (2) + quantity (2).</summary>
    public const int PduSize = 5;

    public ushort TransactionId { get; } = transactionId;

    public byte UnitId { get; } = unitId;

    public ModbusFunctionCode FunctionCode { get; } = functionCode;

    public ushort StartAddress { get; } = startAddress;

    public ushort Quantity { get; } = quantity;

    public bool IsBitRead => FunctionCode is ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs;

    /// <summary>The byte count a correct reply carries: 2 per register, or one per started group of 8 bits.</summary>
    public int ExpectedByteCount => IsBitRead ? (Quantity + 7) / 8 : Quantity * 2;

    /// <summary>True when quantity and address range are legal for the function code.</summary>
    public bool IsQuantityValid =>
        Quantity >= 1
        && Quantity <= (IsBitRead ? ModbusTableExtensions.MaxBitsPerRead : ModbusTableExtensions.MaxRegistersPerRead)
        && StartAddress + Quantity <= 0x10000;

    public static ModbusReadRequest ReadFrom(ReadOnlySpan<byte> source)
    {
        if (source.Length != Size)
        {
            throw new ModbusProtocolException($"A read request is {Size} bytes, got {source.Length}.");
        }

        var header = MbapHeader.ReadFrom(source);
        if (header.ProtocolId != 0 || header.Length != PduSize + 1)
        {
            throw new ModbusProtocolException($"Bad MBAP header in request: protocol {header.ProtocolId}, length {header.Length}.");
        }

        var function = source[7];                                                  // 7 function code
        if (ModbusTableExtensions.TableOf(function) is null)
        {
            throw new ModbusProtocolException($"Function code 0x{function:X2} is not a read.");
        }

        return new ModbusReadRequest(
            header.TransactionId,
            header.UnitId,
            (ModbusFunctionCode)function,
            BinaryPrimitives.ReadUInt16BigEndian(source[8..]),                     // 8..9 start address
            BinaryPrimitives.ReadUInt16BigEndian(source[10..]));                   // 10..11 quantity
    }

    public void WriteTo(Span<byte> destination)
    {
        new MbapHeader(TransactionId, 0, PduSize + 1, UnitId).WriteTo(destination); // 0..6
        destination[7] = (byte)FunctionCode;                                        // 7
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], StartAddress);      // 8..9
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], Quantity);         // 10..11
    }
}
