using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Monitoring.Modbus;
using Xunit.Abstractions;
using static DataCenterOps.Tests.Monitoring.Modbus.ScriptedModbusServer;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>
/// Seeded fuzzing of device replies to the client over a real socket: the only exceptions allowed are the typed
/// Modbus ones, and no read hangs. A few seconds in CI; longer runs with DCOPS_FUZZ_SECONDS=600 (and DCOPS_FUZZ_SEED
/// to vary the seed). The decoder itself is fuzzed by benchmarks/DataCenterOps.Fuzz (DecoderFuzzTests in CI).
/// </summary>
public sealed class ModbusFuzzTests(ITestOutputHelper output)
{
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SEED"), CultureInfo.InvariantCulture, out var seed) ? seed : 20240611;

    [Fact]
    public async Task ModbusFuzz_Client_MutatedRepliesOverARealSocket_RaiseOnlyTypedErrors_AndNeverHang()
    {
        var random = new Random(Seed);
        var frames = Corpus(random).Select(c => c.Reply).ToList();
        await using var server = new ScriptedModbusServer((_, request) =>
        {
            lock (random)
            {
                var good = GoodReply(request);
                return random.Next(100) switch
                {
                    < 25 => new ScriptedReply(good),
                    < 27 => new ScriptedReply([], Silent: true),
                    < 45 => new ScriptedReply(ModbusFrameMutator.Mutate(random, good, frames), CloseAfter: true),
                    _ => new ScriptedReply(ModbusFrameMutator.Mutate(random, good, frames)),
                };
            }
        });
        await using var client = new ModbusTcpClient(new ModbusEndpointOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Timeout = TimeSpan.FromMilliseconds(250),
            ReconnectDelayMin = TimeSpan.Zero,
        });
        var outcomes = new Dictionary<string, int>();
        var failures = new List<string>();
        var duration = Duration(4);
        var clock = Stopwatch.StartNew();
        long execs = 0;

        while (clock.Elapsed < duration && failures.Count < 10)
        {
            execs++;
            var table = (ModbusTable)random.Next(4);
            var count = (ushort)(1 + random.Next(table.IsBitTable() ? 2500 : 300));
            var start = (ushort)random.Next(0x10000 - count);
            string outcome;
            try
            {
                await client.ReadRegistersAsync(1, table, start, count).WaitAsync(TimeSpan.FromSeconds(30));
                outcome = "success";
            }
            catch (ModbusException ex)
            {
                outcome = ex.GetType().Name;
            }
            catch (Exception ex)
            {
                outcome = "other";
                failures.Add($"{table} {start}+{count}: {ex}");
            }

            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        output.WriteLine($"Modbus client fuzz: seed {Seed}, {execs} reads in {clock.Elapsed.TotalSeconds:0.0} s over {client.ConnectCount} connections; "
            + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}")));
        Assert.Empty(failures);
        Assert.True(outcomes.ContainsKey("success") && outcomes.ContainsKey(nameof(ModbusProtocolException)), "the fuzzer should reach both good and bad replies");
    }

    private static TimeSpan Duration(double defaultSeconds) =>
        TimeSpan.FromSeconds(double.TryParse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : defaultSeconds);

    /// <summary>pymodbus' captured replies plus generated good replies and exception frames for random requests.</summary>
    private static List<(ModbusReadRequest Request, byte[] Reply)> Corpus(Random random)
    {
        var corpus = File.ReadAllLines(PeerProcess.FixturePath("pymodbus-golden.txt"))
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' '))
            .Select(parts => (Request: ModbusReadRequest.ReadFrom(Convert.FromHexString(parts[1])), Reply: Convert.FromHexString(parts[2])))
            .Where(c => c.Request.IsQuantityValid)
            .ToList();
        for (var i = 0; i < 64; i++)
        {
            var request = RandomRequest(random);
            corpus.Add((request, GoodReply(request)));
        }

        return corpus;
    }

    private static ModbusReadRequest RandomRequest(Random random)
    {
        var function = (ModbusFunctionCode)(1 + random.Next(4));
        var bits = function is ModbusFunctionCode.ReadCoils or ModbusFunctionCode.ReadDiscreteInputs;
        var quantity = (ushort)(1 + random.Next(bits ? 2000 : 125));
        return new ModbusReadRequest((ushort)random.Next(0x10000), (byte)random.Next(256), function, (ushort)random.Next(0x10000 - quantity), quantity);
    }
}
