using DataCenterOps.Monitoring.Modbus;
using static DataCenterOps.Tests.Monitoring.Modbus.ScriptedModbusServer;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>Our client against a misbehaving device on a real socket: every fault is a typed error, then it recovers.</summary>
public sealed class ModbusClientFaultTests
{
    // A guard against hangs, not a speed assertion: the client's own timeout is far shorter.
    private static readonly TimeSpan NoHang = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ClientTimeout = TimeSpan.FromMilliseconds(1500);

    public static TheoryData<string, Type> Faults => new()
    {
        { "wrong transaction id", typeof(ModbusProtocolException) },
        { "stale reply to the previous request before the answer", typeof(ModbusProtocolException) },
        { "late reply", typeof(ModbusTimeoutException) },
        { "truncated then closed", typeof(ModbusProtocolException) },
        { "truncated and kept open", typeof(ModbusTimeoutException) },
        { "byte count lie", typeof(ModbusProtocolException) },
        { "MBAP length longer than sent", typeof(ModbusProtocolException) },
        { "MBAP length shorter than sent", typeof(ModbusProtocolException) },
        { "MBAP length over 254", typeof(ModbusProtocolException) },
        { "protocol id not zero", typeof(ModbusProtocolException) },
        { "unit id mismatch", typeof(ModbusProtocolException) },
        { "function code mismatch", typeof(ModbusProtocolException) },
        { "unknown exception code", typeof(ModbusProtocolException) },
        { "exception for another function", typeof(ModbusProtocolException) },
        { "trailing bytes", typeof(ModbusProtocolException) },
        { "random bytes", typeof(ModbusProtocolException) },
        { "silence", typeof(ModbusTimeoutException) },
        { "closed without reply", typeof(ModbusConnectionException) },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Fault_IsRejectedWithTypedError_AndNextReadReconnectsAndSucceeds(string fault, Type expected)
    {
        await using var server = new ScriptedModbusServer((n, request) => n == 1 ? Break(fault, request) : Good(request));
        await using var client = NewClient(server.Port);

        var error = await Record.ExceptionAsync(() => client.ReadHoldingRegistersAsync(1, 100, 10).WaitAsync(NoHang));
        var values = await client.ReadHoldingRegistersAsync(1, 100, 10).WaitAsync(NoHang);

        Assert.IsType(expected, error);
        Assert.Equal(Enumerable.Range(100, 10).Select(a => (ushort)a), values);
        Assert.Equal(2, client.ConnectCount);
    }

    [Fact]
    public async Task LateReply_IsNeverReadAsTheAnswerToTheNextQuestion()
    {
        // Request 1 is answered late with values that differ from request 2's; request 2 must get its own.
        await using var server = new ScriptedModbusServer((n, request) => n == 1
            ? new ScriptedReply(GoodReply(new ModbusReadRequest(request.TransactionId, request.UnitId, request.FunctionCode, 500, 10)), Delay: ClientTimeout * 2)
            : Good(request));
        await using var client = NewClient(server.Port);

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 100, 10).WaitAsync(NoHang));
        await Task.Delay(ClientTimeout); // the late reply has now been sent on the old connection
        var values = await client.ReadHoldingRegistersAsync(1, 100, 10).WaitAsync(NoHang);

        Assert.Equal(Enumerable.Range(100, 10).Select(a => (ushort)a), values);
    }

    [Fact]
    public async Task BitReadByteCountLie_IsProtocolError()
    {
        await using var server = new ScriptedModbusServer((n, request) => n == 1
            ? new ScriptedReply(With(GoodReply(request), f => { f[8] = 2; SetUInt16(f, 4, f.Length - 7); })[..^1])
            : Good(request));
        await using var client = NewClient(server.Port);

        await Assert.ThrowsAsync<ModbusProtocolException>(() => client.ReadCoilsAsync(1, 0, 20).WaitAsync(NoHang));
        var bits = await client.ReadCoilsAsync(1, 0, 20).WaitAsync(NoHang);

        Assert.Equal(Enumerable.Range(0, 20).Select(a => a % 2 == 1), bits);
    }

    [Fact]
    public async Task WellFormedExceptionResponse_KeepsTheConnection()
    {
        await using var server = new ScriptedModbusServer((n, request) => n == 1
            ? new ScriptedReply(ExceptionFrame(request, 0x83, 0x02))
            : Good(request));
        await using var client = NewClient(server.Port);

        var error = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => client.ReadHoldingRegistersAsync(1, 100, 10).WaitAsync(NoHang));
        await client.ReadHoldingRegistersAsync(1, 100, 10).WaitAsync(NoHang);

        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, error.ExceptionCode);
        Assert.Equal(1, client.ConnectCount);
    }

    [Fact]
    public async Task CallerCancellation_IsCancellation_NotTimeout_AndConnectionIsReopened()
    {
        await using var server = new ScriptedModbusServer((n, request) => n == 1 ? new ScriptedReply([], Silent: true) : Good(request));
        await using var client = NewClient(server.Port, TimeSpan.FromSeconds(60));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadHoldingRegistersAsync(1, 100, 10, cancel.Token).WaitAsync(NoHang));
        await client.ReadHoldingRegistersAsync(1, 100, 10).WaitAsync(NoHang);

        Assert.Equal(2, client.ConnectCount);
    }

    [Fact]
    public async Task RequestsOnOneConnection_CarryIncreasingTransactionIds()
    {
        var seen = new List<ushort>();
        await using var server = new ScriptedModbusServer((_, request) =>
        {
            lock (seen)
            {
                seen.Add(request.TransactionId);
            }

            return Good(request);
        });
        await using var client = NewClient(server.Port);

        for (var i = 0; i < 5; i++)
        {
            await client.ReadInputRegistersAsync(3, 0, 1).WaitAsync(NoHang);
        }

        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(seen.Order(), seen);
    }

    private static ModbusTcpClient NewClient(int port, TimeSpan? timeout = null) =>
        new(new ModbusEndpointOptions { Host = "127.0.0.1", Port = port, Timeout = timeout ?? ClientTimeout, ReconnectDelayMin = TimeSpan.Zero });

    private static byte[] ExceptionFrame(ModbusReadRequest request, byte function, byte code)
    {
        var frame = new byte[9];
        SetUInt16(frame, 0, request.TransactionId);
        SetUInt16(frame, 4, 3);
        frame[6] = request.UnitId;
        frame[7] = function;
        frame[8] = code;
        return frame;
    }

    private static ScriptedReply Break(string fault, ModbusReadRequest request)
    {
        var good = GoodReply(request);
        return fault switch
        {
            "wrong transaction id" => new(With(good, f => SetUInt16(f, 0, request.TransactionId + 1))),
            "stale reply to the previous request before the answer" => new([.. With(good, f => SetUInt16(f, 0, request.TransactionId - 1)), .. good]),
            "late reply" => new(good, Delay: ClientTimeout * 2),
            "truncated then closed" => new(good[..15], CloseAfter: true),
            "truncated and kept open" => new(good[..15]),
            "byte count lie" => new(With(good, f => f[8] -= 2)),
            "MBAP length longer than sent" => new(With(good, f => SetUInt16(f, 4, f.Length - 6 + 10))),
            "MBAP length shorter than sent" => new(With(good, f => SetUInt16(f, 4, f.Length - 6 - 2))),
            "MBAP length over 254" => new(With(good, f => SetUInt16(f, 4, 300))),
            "protocol id not zero" => new(With(good, f => SetUInt16(f, 2, 1))),
            "unit id mismatch" => new(With(good, f => f[6] = 2)),
            "function code mismatch" => new(With(good, f => f[7] = 4)),
            "unknown exception code" => new(ExceptionFrame(request, 0x83, 0x09)),
            "exception for another function" => new(ExceptionFrame(request, 0x84, 0x02)),
            "trailing bytes" => new([.. good, 0x00, 0x01]),
            "random bytes" => new(RandomBytes(40)),
            "silence" => new([], Silent: true),
            "closed without reply" => new([], CloseAfter: true),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, "Unknown fault."),
        };
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(20240611).NextBytes(bytes);
        bytes[2] |= 0x01; // protocol id never 0, so the expected error is stable
        return bytes;
    }
}
