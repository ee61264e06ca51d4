namespace DataCenterOps.Monitoring.Modbus;

/// <summary>An exception response ADU: MBAP header + (function | 0x80) + exception code, 9 bytes.</summary>
public readonly struct ModbusExceptionResponse(ushort transactionId, byte unitId, byte functionCode, ModbusExceptionCode exceptionCode)
{
    public const int Size = MbapHeader.Size + 2;

    /// <summary>Set on the function code byte of an exception response.</summary>
    public const byte ErrorFlag = 0x80;

    public ushort TransactionId { get; } = transactionId;

    public byte UnitId { get; } = unitId;

    /// <summary>The function code of the request (without the 0x80 flag).</summary>
    public byte FunctionCode { get; } = functionCode;

    public ModbusExceptionCode ExceptionCode { get; } = exceptionCode;

    /// <summary>Structural parse only; matching against the request is <see cref="ModbusResponseDecoder"/>'s job.</summary>
    public static ModbusExceptionResponse ReadFrom(ReadOnlySpan<byte> source)
    {
        if (source.Length != Size)
        {
            throw new ModbusProtocolException($"An exception response is {Size} bytes, got {source.Length}.");
        }

        var header = MbapHeader.ReadFrom(source);
        if (header.ProtocolId != 0 || header.Length != 3)
        {
            throw new ModbusProtocolException($"Bad MBAP header in exception response: protocol {header.ProtocolId}, length {header.Length}.");
        }

        var function = source[7];                                                   // 7 function | 0x80
        if ((function & ErrorFlag) == 0)
        {
            throw new ModbusProtocolException($"Function byte 0x{function:X2} lacks the exception flag.");
        }

        var code = source[8];                                                       // 8 exception code
        if (!Enum.IsDefined((ModbusExceptionCode)code))
        {
            throw new ModbusProtocolException($"Unknown exception code 0x{code:X2}.");
        }

        return new ModbusExceptionResponse(header.TransactionId, header.UnitId, (byte)(function & ~ErrorFlag), (ModbusExceptionCode)code);
    }

    public void WriteTo(Span<byte> destination)
    {
        new MbapHeader(TransactionId, 0, 3, UnitId).WriteTo(destination);   // 0..6
        destination[7] = (byte)(FunctionCode | ErrorFlag);                  // 7
        destination[8] = (byte)ExceptionCode;                               // 8
    }
}
