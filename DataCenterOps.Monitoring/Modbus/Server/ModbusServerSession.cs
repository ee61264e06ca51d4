using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Monitoring.Modbus.Server;

/// <summary>One client connection of <see cref="ModbusTcpServer"/>: read a request, answer it, repeat.</summary>
internal sealed partial class ModbusServerSession(Socket client, IModbusServerData data, Action answered, ILogger logger)
{
    private readonly byte[] _request = new byte[ModbusReadResponse.MaxAduSize];
    private readonly byte[] _response = new byte[ModbusReadResponse.MaxAduSize];
    private readonly ushort[] _registers = new ushort[ModbusTableExtensions.MaxRegistersPerRead];
    private readonly bool[] _bits = new bool[ModbusTableExtensions.MaxBitsPerRead];

    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            while (await ReceiveExactlyAsync(_request.AsMemory(0, MbapHeader.Size), stop).ConfigureAwait(false))
            {
                var header = MbapHeader.ReadFrom(_request);
                if (header.ProtocolId != 0 || header.Length < 2 || header.Length > MbapHeader.MaxLength)
                {
                    // Framing is lost: nothing after this can be trusted, so close like real devices do.
                    LogBadFrame(logger, header.ProtocolId, header.Length);
                    return;
                }

                if (!await ReceiveExactlyAsync(_request.AsMemory(MbapHeader.Size, header.PduLength), stop).ConfigureAwait(false))
                {
                    return;
                }

                var unit = data.Resolve(header.UnitId);
                if (unit?.Fault == ModbusServerFault.Silent)
                {
                    continue;
                }

                var length = Answer(header, _request.AsSpan(MbapHeader.Size, header.PduLength), unit);
                if (unit?.Fault == ModbusServerFault.Garbage)
                {
                    length = Corrupt(_response, length);
                }

                await client.SendAsync(_response.AsMemory(0, length), SocketFlags.None, stop).ConfigureAwait(false);
                answered();
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Client went away or the server is stopping.
        }
    }

    private int Answer(MbapHeader header, ReadOnlySpan<byte> pdu, IModbusUnit? unit)
    {
        var function = pdu[0];
        if (unit is null)
        {
            return Exception(header, function, ModbusExceptionCode.GatewayTargetDeviceFailedToRespond);
        }

        if (ModbusTableExtensions.TableOf(function) is not { } table)
        {
            return Exception(header, function, ModbusExceptionCode.IllegalFunction);
        }

        if (pdu.Length != ModbusReadRequest.PduSize)
        {
            return Exception(header, function, ModbusExceptionCode.IllegalDataValue);
        }

        var start = BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]);
        var quantity = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        if (quantity < 1 || quantity > table.MaxQuantityPerRead())
        {
            return Exception(header, function, ModbusExceptionCode.IllegalDataValue);
        }

        if (start + quantity > 0x10000)
        {
            return Exception(header, function, ModbusExceptionCode.IllegalDataAddress);
        }

        try
        {
            if (table.IsBitTable())
            {
                var bits = _bits.AsSpan(0, quantity);
                return unit.TryReadBits(table, start, quantity, bits)
                    ? ModbusReadResponse.WriteBits(_response, header.TransactionId, header.UnitId, (ModbusFunctionCode)function, bits)
                    : Exception(header, function, ModbusExceptionCode.IllegalDataAddress);
            }

            var registers = _registers.AsSpan(0, quantity);
            return unit.TryReadRegisters(table, start, quantity, registers)
                ? ModbusReadResponse.WriteRegisters(_response, header.TransactionId, header.UnitId, (ModbusFunctionCode)function, registers)
                : Exception(header, function, ModbusExceptionCode.IllegalDataAddress);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A broken unit must not take the server down; the device-failure code says what happened.
            LogUnitFailed(logger, header.UnitId, ex);
            return Exception(header, function, ModbusExceptionCode.ServerDeviceFailure);
        }
    }

    private int Exception(MbapHeader header, byte function, ModbusExceptionCode code)
    {
        new ModbusExceptionResponse(header.TransactionId, header.UnitId, (byte)(function & 0x7F), code).WriteTo(_response);
        return ModbusExceptionResponse.Size;
    }

    /// <summary>Damages a correct reply the way broken devices and gateways do.</summary>
    private static int Corrupt(Span<byte> frame, int length)
    {
        switch (Random.Shared.Next(4))
        {
            case 0: // answer another transaction
                BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame) + 1));
                return length;
            case 1: // byte count that disagrees with the data (or a damaged exception code)
                frame[8] = (byte)(frame[8] + 1 + Random.Shared.Next(8));
                return length;
            case 2: // MBAP length claiming more than is sent
                BinaryPrimitives.WriteUInt16BigEndian(frame[4..], (ushort)(BinaryPrimitives.ReadUInt16BigEndian(frame[4..]) + 1 + Random.Shared.Next(16)));
                return length;
            default: // noise
                var noise = 1 + Random.Shared.Next(64);
                Random.Shared.NextBytes(frame[..noise]);
                return noise;
        }
    }

    private async Task<bool> ReceiveExactlyAsync(Memory<byte> target, CancellationToken stop)
    {
        for (var read = 0; read < target.Length;)
        {
            var received = await client.ReceiveAsync(target[read..], SocketFlags.None, stop).ConfigureAwait(false);
            if (received == 0)
            {
                return false;
            }

            read += received;
        }

        return true;
    }

    [LoggerMessage(EventId = 4112, Level = LogLevel.Debug, Message = "Modbus server: closing a connection after a bad MBAP header (protocol {ProtocolId}, length {Length})")]
    private static partial void LogBadFrame(ILogger logger, ushort protocolId, ushort length);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Modbus server: unit {UnitId} failed to read")]
    private static partial void LogUnitFailed(ILogger logger, byte unitId, Exception exception);
}
