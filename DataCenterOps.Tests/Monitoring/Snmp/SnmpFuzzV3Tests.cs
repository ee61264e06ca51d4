using System.Diagnostics;
using System.Globalization;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;
using Xunit.Abstractions;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>
/// Seeded fuzzing of the SNMPv3 message and USM decoding from net-snmp's captured packets (and our own): decoding
/// may only throw SnmpDecodeException; USM processing (HMAC, time window, decryption of whatever decoded) never
/// throws; a plaintext scoped PDU re-encodes to the same PDU. CI runs ~5 s; longer with DCOPS_FUZZ_SECONDS
/// (<c>DCOPS_FUZZ_SECONDS=600 ./test.sh --filter FullyQualifiedName~SnmpFuzz</c>, DCOPS_FUZZ_SEED picks the seed).
/// </summary>
public sealed class SnmpFuzzV3Tests(ITestOutputHelper output)
{
    [Fact]
    public void V3DecoderAndUsm_ThrowOnlySnmpDecodeException_OnRandomAndMutatedPackets()
    {
        var seconds = double.Parse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SECONDS") ?? "5", CultureInfo.InvariantCulture);
        var seed = int.Parse(Environment.GetEnvironmentVariable("DCOPS_FUZZ_SEED") ?? "20250118", CultureInfo.InvariantCulture);
        var random = new Random(seed);
        var users = new GoldenUsers();
        var engine = new UsmLocalEngine(GoldenV3Packets.EngineId, 1, TimeProvider.System);
        var corpus = Corpus(users);
        var failures = new List<string>();
        long executions = 0, decoded = 0, accepted = 0;
        var clock = Stopwatch.StartNew();

        while (clock.Elapsed.TotalSeconds < seconds && failures.Count < 10)
        {
            for (var i = 0; i < 256; i++, executions++)
            {
                var input = SnmpFuzzTests.Mutate(random, corpus);
                try
                {
                    switch (Check(input, users, engine))
                    {
                        case true:
                            decoded++;
                            accepted++;
                            break;
                        case false:
                            decoded++;
                            break;
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

        output.WriteLine($"SNMPv3 fuzz: seed {seed}, {executions:N0} executions in {clock.Elapsed.TotalSeconds:0.0} s, {decoded:N0} decoded, " +
            $"{accepted:N0} passed USM, {executions - decoded:N0} rejected, {failures.Count} other exceptions");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(executions > 1000);
    }

    /// <summary>null: rejected by the decoder (it threw); false: decoded but refused by USM; true: passed USM.</summary>
    private static bool? Check(byte[] input, GoldenUsers users, UsmLocalEngine engine)
    {
        SnmpV3Message.PeekVersion(input);
        var message = SnmpV3Message.Decode(input);
        var asManager = UsmProcessor.ProcessNonAuthoritative(message, users);
        var asAgent = UsmProcessor.ProcessAuthoritative(message, users, engine);
        if (message.ScopedPdu is { } scoped)
        {
            var again = SnmpV3Message.Decode(UsmProcessor.Encode(message.MessageId, message.MaxSize, SnmpSecurityLevel.NoAuthNoPriv,
                message.Reportable, message.EngineId, message.EngineBoots, message.EngineTime, message.UserName, null, scoped, 0)).ScopedPdu!;
            if (again.Pdu.Type != scoped.Pdu.Type || again.Pdu.RequestId != scoped.Pdu.RequestId ||
                !again.ContextName.AsSpan().SequenceEqual(scoped.ContextName) || !again.Pdu.Varbinds.SequenceEqual(scoped.Pdu.Varbinds))
            {
                throw new InvalidOperationException("The re-encoded scoped PDU decodes differently.");
            }
        }

        return asManager.Accepted || asAgent.Accepted;
    }

    private static List<byte[]> Corpus(GoldenUsers users)
    {
        var corpus = new List<byte[]>(GoldenV3Packets.All);
        var pdu = SnmpPdu.Response(9, SnmpErrorStatus.NoError, 0,
            [new Varbind(ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0"), SnmpValue.Integer(97)), new Varbind(ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0"), SnmpValue.TimeTicks(5))]);
        var scoped = new SnmpScopedPdu(GoldenV3Packets.EngineId, "ups-1"u8.ToArray(), pdu);
        foreach (var user in new[] { users.Aes, users.Des })
        {
            foreach (var level in new[] { SnmpSecurityLevel.AuthNoPriv, SnmpSecurityLevel.AuthPriv })
            {
                corpus.Add(UsmProcessor.Encode(7, 65507, level, true, GoldenV3Packets.EngineId, 1, 10, user.Name, user, scoped, 42));
            }
        }

        return corpus;
    }

    /// <summary>The captured users, localised once to snmpd's engine ID (so that mutated engine IDs cost no key derivation).</summary>
    private sealed class GoldenUsers : IUsmUserTable
    {
        public UsmLocalizedUser Aes { get; } = UsmLocalizedUser.Create(SnmpV3GoldenPacketTests.AesUser, GoldenV3Packets.EngineId);

        public UsmLocalizedUser Des { get; } = UsmLocalizedUser.Create(SnmpV3GoldenPacketTests.DesUser, GoldenV3Packets.EngineId);

        public UsmLocalizedUser? Find(ReadOnlySpan<byte> engineId, ReadOnlySpan<byte> userName) =>
            !engineId.SequenceEqual(GoldenV3Packets.EngineId) ? null
            : userName.SequenceEqual(Aes.Name) ? Aes
            : userName.SequenceEqual(Des.Name) ? Des
            : null;
    }
}
