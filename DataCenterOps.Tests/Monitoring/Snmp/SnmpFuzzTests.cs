using System.Diagnostics;
using System.Globalization;
using System.Net;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>
/// Seeded fuzzing of the decoder with random bytes and mutated real packets: the only exception
/// allowed is SnmpDecodeException, and whatever decodes must re-encode to the same message and be
/// answerable by the agent. CI runs ~5 s; a long run:
/// <c>DCOPS_FUZZ_SECONDS=600 ./test.sh --filter FullyQualifiedName~SnmpFuzz</c> (DCOPS_FUZZ_SEED picks the seed).
/// </summary>
public sealed class SnmpFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x02, 0x04, 0x06, 0x30, 0x7F, 0x80, 0x81, 0x82, 0x84, 0x85, 0xA2, 0xFF];

    [Fact]
    public void Decoder_ThrowsOnlySnmpDecodeException_OnRandomAndMutatedPackets()
    {
        var seconds = double.Parse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SECONDS") ?? "5", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SEED") ?? "20250117", CultureInfo.InvariantCulture);
        var random = new Random(seed);
        var corpus = Corpus();
        var table = new SnmpMibTable();
        table.Set(ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.1.0"), SnmpValue.Integer(2));
        table.Set(ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0"), SnmpValue.Counter64(9));
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
                    if (Check(input, table))
                    {
                        decoded++;
                    }
                }
                catch (Exception e) when (e is not SnmpDecodeException)
                {
                    failures.Add($"{e.GetType().Name}: {e.Message} on {Convert.ToHexString(input)}");
                }
                catch (SnmpDecodeException)
                {
                    // The one expected outcome for a bad packet.
                }
            }
        }

        output.WriteLine($"SNMP fuzz: seed {seed}, {executions:N0} executions in {clock.Elapsed.TotalSeconds:0.0} s, " +
            $"{decoded:N0} decoded, {executions - decoded:N0} rejected, {failures.Count} other exceptions");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(executions > 1000);
    }

    /// <summary>Decodes; if that worked, checks the round trip and the agent. True when the input decoded.</summary>
    private static bool Check(byte[] input, SnmpMibTable table)
    {
        SnmpMessageDecoder.TryPeekRequestId(input, out _);
        var message = SnmpMessage.Decode(input);
        var again = SnmpMessage.Decode(message.Encode());
        if (again.Version != message.Version || again.Pdu.Type != message.Pdu.Type || again.Pdu.RequestId != message.Pdu.RequestId ||
            again.Pdu.Field2 != message.Pdu.Field2 || again.Pdu.Field3 != message.Pdu.Field3 ||
            !again.Community.Span.SequenceEqual(message.Community.Span) || !again.Pdu.Varbinds.SequenceEqual(message.Pdu.Varbinds))
        {
            throw new InvalidOperationException("The re-encoded message decodes differently.");
        }

        SnmpAgentResponder.Respond(message, table, 1472)?.Encode();
        return true;
    }

    private static List<byte[]> Corpus()
    {
        var corpus = new List<byte[]>(GoldenPackets.All);
        var oid = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.1.0");
        var values = new[]
        {
            SnmpValue.Integer(-300), SnmpValue.OctetString("UPS"), SnmpValue.Null, SnmpValue.Oid(ObjectIdentifier.Parse("2.999.7")),
            SnmpValue.IpAddress(IPAddress.Parse("10.1.2.3")), SnmpValue.Counter32(uint.MaxValue), SnmpValue.Gauge32(5),
            SnmpValue.TimeTicks(1000), SnmpValue.Opaque([0x9F, 0x78, 0x04, 0x3F, 0x8B, 0x00, 0x00]), SnmpValue.Counter64(ulong.MaxValue),
            SnmpValue.NoSuchObject, SnmpValue.NoSuchInstance, SnmpValue.EndOfMibView,
        };
        corpus.Add(new SnmpMessage(SnmpVersion.V2c, "public",
            SnmpPdu.Response(77, SnmpErrorStatus.NoError, 0, values.Select(v => new Varbind(oid, v)).ToArray())).Encode());
        corpus.Add(new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.GetBulk(5, 1, 10, [oid, oid.Parent()])).Encode());
        corpus.Add(new SnmpMessage(SnmpVersion.V1, "public", SnmpPdu.Request(SnmpPduType.GetNextRequest, 6, [oid])).Encode());
        return corpus;
    }

    internal static byte[] Mutate(Random random, List<byte[]> corpus)
    {
        if (random.Next(10) == 0)
        {
            var noise = new byte[random.Next(0, 300)];
            random.NextBytes(noise);
            if (noise.Length > 0 && random.Next(2) == 0)
            {
                noise[0] = 0x30;
            }

            return noise;
        }

        var data = new List<byte>(corpus[random.Next(corpus.Count)]);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && data.Count > 0; m++)
        {
            var at = random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data[at] = InterestingBytes[random.Next(InterestingBytes.Length)];
                    break;
                case 2:
                    data.RemoveRange(at, random.Next(1, Math.Min(8, data.Count - at) + 1));
                    break;
                case 3:
                    // A length byte that lies: after a tag-looking byte, claim more, less, or a 4-byte length.
                    var lie = (byte)random.Next(256);
                    data.InsertRange(at, random.Next(3) == 0 ? [0x84, 0xFF, 0xFF, 0xFF, lie] : [lie]);
                    data.RemoveAt(Math.Min(at + 1, data.Count - 1));
                    break;
                case 4:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 5:
                    var other = corpus[random.Next(corpus.Count)];
                    var from = random.Next(other.Length);
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.AsSpan(from).ToArray());
                    break;
                default:
                    var length = random.Next(1, Math.Min(16, data.Count - at) + 1);
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
            }
        }

        return [.. data];
    }
}
