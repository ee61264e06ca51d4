using DataCenterOps.Monitoring.Modbus;

namespace DataCenterOps.Fuzz.Targets;

/// <summary>
/// A Modbus TCP read request and its reply. The input is the request ADU (12 bytes) followed by the reply frame, so the
/// fuzzer varies both. The request parser, the header check and the decoder may only throw the typed Modbus exceptions; an accepted reply
/// must be exactly what a correct server sends for the decoded values (bit padding aside).
/// </summary>
internal sealed class ModbusTarget : IFuzzTarget
{
    private const int RequestSize = 12;

    private readonly ushort[] _values = new ushort[ModbusTableExtensions.MaxBitsPerRead];
    private readonly byte[] _canonical = new byte[ModbusReadResponse.MaxAduSize];

    public string Name => "modbus";

    public int MaxInputLength => RequestSize + ModbusReadResponse.MaxAduSize + 8;

    public bool Run(byte[] input)
    {
        if (input.Length < RequestSize)
        {
            return false;
        }

        var frame = input.AsSpan(RequestSize);
        ModbusReadRequest request;
        try
        {
            // The request parser is a decoder too (the simulator's server reads requests with it).
            request = ModbusReadRequest.ReadFrom(input.AsSpan(0, RequestSize));
            if (!request.IsQuantityValid)
            {
                return false;
            }

            if (frame.Length >= MbapHeader.Size)
            {
                ModbusResponseDecoder.ReadBodyLength(frame[..MbapHeader.Size], request);
            }

            ModbusResponseDecoder.Decode(frame, request, _values);
        }
        catch (Exception e) when (e is ModbusProtocolException or ModbusExceptionResponseException)
        {
            return false;
        }

        if (!ReencodesIdentically(frame, request))
        {
            throw new InvalidOperationException("An accepted reply is not what a correct server sends for its values.");
        }

        return true;
    }

    private bool ReencodesIdentically(ReadOnlySpan<byte> frame, ModbusReadRequest request)
    {
        var length = request.IsBitRead
            ? ModbusReadResponse.WriteBits(_canonical, request.TransactionId, request.UnitId, request.FunctionCode,
                [.. _values.AsSpan(0, request.Quantity).ToArray().Select(v => v != 0)])
            : ModbusReadResponse.WriteRegisters(_canonical, request.TransactionId, request.UnitId, request.FunctionCode, _values.AsSpan(0, request.Quantity));
        if (length != frame.Length)
        {
            return false;
        }

        if (request.IsBitRead && request.Quantity % 8 != 0)
        {
            var usedBits = (byte)((1 << (request.Quantity % 8)) - 1);
            return frame[..(length - 1)].SequenceEqual(_canonical.AsSpan(0, length - 1)) && (frame[^1] & usedBits) == _canonical[length - 1];
        }

        return frame.SequenceEqual(_canonical.AsSpan(0, length));
    }
}
