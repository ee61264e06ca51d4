using System.Buffers.Binary;

namespace DataCenterOps.Monitoring.Modbus;

/// <summary>
/// Strict reading of a device's reply to one read request. Every way a reply can lie or answer another
/// question ends in <see cref="ModbusProtocolException"/>; a well-formed exception response ends in
/// <see cref="ModbusExceptionResponseException"/>. Pure and allocation-free, so it is also the fuzz target.
/// </summary>
public static class ModbusResponseDecoder
{
    /// <summary>
    /// Checks a reply's MBAP header before its body is read and returns how many body bytes to read.
    /// The length must be exactly that of an exception response or of the expected data, so a length lie
    /// is refused here instead of waiting for bytes that never come.
    /// </summary>
    public static int ReadBodyLength(ReadOnlySpan<byte> header, in ModbusReadRequest request)
    {
        var mbap = MbapHeader.ReadFrom(header);
        CheckHeader(mbap, request);
        if (mbap.Length != 3 && mbap.Length != 3 + request.ExpectedByteCount)
        {
            throw new ModbusProtocolException(
                $"MBAP length {mbap.Length} fits neither an exception (3) nor {request.Quantity} values ({3 + request.ExpectedByteCount}).");
        }

        return mbap.PduLength;
    }

    /// <summary>
    /// Decodes a whole reply ADU into <paramref name="destination"/>: one register per element, or for bit
    /// reads 0/1 per element. Returns the number of values written (the request's quantity).
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> adu, in ModbusReadRequest request, Span<ushort> destination)
    {
        if (!request.IsQuantityValid)
        {
            throw new ArgumentOutOfRangeException(nameof(request), $"Quantity {request.Quantity} at {request.StartAddress} is not a legal read.");
        }

        if (destination.Length < request.Quantity)
        {
            throw new ArgumentException($"Destination holds {destination.Length} values, {request.Quantity} needed.", nameof(destination));
        }

        if (adu.Length < MbapHeader.Size + 2)
        {
            throw new ModbusProtocolException($"Reply of {adu.Length} bytes is too short for any Modbus frame.");
        }

        var mbap = MbapHeader.ReadFrom(adu);
        CheckHeader(mbap, request);
        if (mbap.Length != adu.Length - 6)
        {
            throw new ModbusProtocolException($"MBAP length {mbap.Length} does not match the {adu.Length - 6} bytes that follow it.");
        }

        var function = adu[7];
        if (function == ((byte)request.FunctionCode | ModbusExceptionResponse.ErrorFlag))
        {
            var exception = ModbusExceptionResponse.ReadFrom(adu);
            throw new ModbusExceptionResponseException(request.FunctionCode, exception.ExceptionCode);
        }

        if (function != (byte)request.FunctionCode)
        {
            throw new ModbusProtocolException($"Reply function 0x{function:X2} does not answer request function 0x{(byte)request.FunctionCode:X2}.");
        }

        var response = ModbusReadResponse.ReadFrom(adu);
        if (response.ByteCount != request.ExpectedByteCount)
        {
            throw new ModbusProtocolException($"Byte count {response.ByteCount} does not fit {request.Quantity} requested values ({request.ExpectedByteCount}).");
        }

        var data = response.Data;
        if (request.IsBitRead)
        {
            // Bits beyond the quantity in the last byte are padding; the spec says zero, devices differ, so they are ignored.
            for (var i = 0; i < request.Quantity; i++)
            {
                destination[i] = (ushort)((data[i >> 3] >> (i & 7)) & 1);
            }
        }
        else
        {
            for (var i = 0; i < request.Quantity; i++)
            {
                destination[i] = BinaryPrimitives.ReadUInt16BigEndian(data[(2 * i)..]);
            }
        }

        return request.Quantity;
    }

    private static void CheckHeader(in MbapHeader mbap, in ModbusReadRequest request)
    {
        if (mbap.ProtocolId != 0)
        {
            throw new ModbusProtocolException($"Protocol id {mbap.ProtocolId} is not Modbus (0).");
        }

        if (mbap.Length < 3 || mbap.Length > MbapHeader.MaxLength)
        {
            throw new ModbusProtocolException($"MBAP length {mbap.Length} is outside 3–{MbapHeader.MaxLength}.");
        }

        if (mbap.TransactionId != request.TransactionId)
        {
            throw new ModbusProtocolException($"Transaction id {mbap.TransactionId} answers another request (expected {request.TransactionId}).");
        }

        if (mbap.UnitId != request.UnitId)
        {
            throw new ModbusProtocolException($"Unit id {mbap.UnitId} does not match the request's unit {request.UnitId}.");
        }
    }
}
