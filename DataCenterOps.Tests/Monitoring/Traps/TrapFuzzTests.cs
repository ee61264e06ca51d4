using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Monitoring.Traps;

/// <summary>
/// Seeded fuzzing of the trap decoding (security processing, RFC 3584 translation, inform response, log summary) with
/// random bytes and mutated notifications: the only exception allowed is SnmpDecodeException. CI runs ~3 s; a long run:
/// <c>DCOPS_FUZZ_SECONDS=600 ./test.sh --filter FullyQualifiedName~TrapFuzz</c> (DCOPS_FUZZ_SEED picks the seed).
/// </summary>
public sealed class TrapFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x02, 0x03, 0x04, 0x06, 0x07, 0x30, 0x40, 0x43, 0x7F, 0x80, 0x81, 0x84, 0xA4, 0xA6, 0xA7, 0xFF];

    [Fact]
    public void TrapDecoding_ThrowsOnlySnmpDecodeException_OnRandomAndMutatedNotifications()
    {
        var seconds = double.Parse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SECONDS") ?? "3", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SEED") ?? "20250118", CultureInfo.InvariantCulture);
        var random = new Random(seed);
        var processor = new CommunityTrapSecurityProcessor();
        var corpus = Corpus();
        var failures = new List<string>();
        long executions = 0, decoded = 0;
        var clock = Stopwatch.StartNew();

        while (clock.Elapsed.TotalSeconds < seconds && failures.Count < 10)
        {
            for (var i = 0; i < 256; i++, executions++)
            {
                var input = Mutate(random, corpus);
                try
                {
                    TrapMessageDecoder.PeekVersion(input);
                    var result = processor.Process(input, out _)!;
                    _ = TrapVarbindSummary.Of(result.Notification);
                    _ = result.Notification.TrapName;
                    if (result.Notification.IsInform)
                    {
                        SnmpMessage.Decode(processor.EncodeInformResponse(result));
                    }

                    decoded++;
                }
                catch (SnmpDecodeException)
                {
                    // The one expected outcome for a bad datagram.
                }
                catch (Exception e)
                {
                    failures.Add($"{e.GetType().Name}: {e.Message} on {Convert.ToHexString(input)}");
                }
            }
        }

        output.WriteLine($"Trap fuzz: seed {seed}, {executions:N0} executions in {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"{decoded:N0} decoded, {executions - decoded:N0} rejected, {failures.Count} other exceptions");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(executions > 1000);
    }

    private static List<byte[]> Corpus() =>
    [
        TrapPackets.V1EnterpriseSpecific,
        TrapPackets.V2Trap("ups-1", TrapOids.UpsTrapOnBattery,
            new Varbind(TrapOids.UpsEstimatedMinutesRemaining, SnmpValue.Integer(12)),
            new Varbind(TrapOids.UpsSecondsOnBattery, SnmpValue.Integer(30)),
            new Varbind(TrapOids.UpsConfigLowBattTime, SnmpValue.Integer(5))),
        TrapPackets.Inform("ups-2", 77, TrapOids.UpsTrapAlarmEntryAdded,
            new Varbind(TrapOids.UpsAlarmId.Append(1), SnmpValue.Integer(1)),
            new Varbind(TrapOids.UpsAlarmDescr.Append(1), SnmpValue.Oid(TrapOids.UpsAlarmOnBattery)),
            new Varbind(ObjectIdentifier.Parse("1.3.6.1.4.1.1.1"), SnmpValue.OctetString([0x00, 0x0A, 0xFF])),
            new Varbind(ObjectIdentifier.Parse("1.3.6.1.4.1.1.2"), SnmpValue.Counter64(ulong.MaxValue))),
    ];

    private static byte[] Mutate(Random random, List<byte[]> corpus)
    {
        if (random.Next(8) == 0)
        {
            var noise = new byte[random.Next(0, 96)];
            random.NextBytes(noise);
            return noise;
        }

        var bytes = corpus[random.Next(corpus.Count)].ToList();
        var edits = random.Next(1, 5);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                    break;
                case 1:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
