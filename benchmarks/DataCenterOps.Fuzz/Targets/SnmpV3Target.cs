using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Fuzz.Targets;

/// <summary>
/// SNMPv3 messages and USM (RFC 3414/3826): decoding may only throw <see cref="SnmpDecodeException"/>; USM processing
/// as manager and as agent (digest, time window, decryption) never throws; a plaintext scoped PDU re-encodes to the
/// same PDU. The users are the ones the corpus's net-snmp captures were made with.
/// </summary>
internal sealed class SnmpV3Target : IFuzzTarget
{
    /// <summary>snmpd's engine ID in the captures (tests: GoldenV3Packets).</summary>
    internal static readonly byte[] EngineId = Convert.FromHexString("80001F888083214C394EA90E6B00000000");

    private readonly CaptureUsers _users = new();
    private readonly UsmLocalEngine _engine = new(EngineId, 1, TimeProvider.System);

    public string Name => "snmpv3";

    public int MaxInputLength => 1472;

    public bool Run(byte[] input)
    {
        SnmpV3Message message;
        try
        {
            SnmpV3Message.PeekVersion(input);
            message = SnmpV3Message.Decode(input);
        }
        catch (SnmpDecodeException)
        {
            return false;
        }

        var asManager = UsmProcessor.ProcessNonAuthoritative(message, _users);
        var asAgent = UsmProcessor.ProcessAuthoritative(message, _users, _engine);
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

    /// <summary>The captures' users, localised once to snmpd's engine ID so that mutated engine IDs cost no key derivation.</summary>
    private sealed class CaptureUsers : IUsmUserTable
    {
        private const string AuthPassword = "auth-pass-1";
        private const string PrivPassword = "priv-pass-1";

        private readonly UsmLocalizedUser _aes = UsmLocalizedUser.Create(
            new SnmpUsmCredentials("cap-user", SnmpAuthProtocol.Sha256, AuthPassword, SnmpPrivProtocol.Aes128, PrivPassword), EngineId);

        private readonly UsmLocalizedUser _des = UsmLocalizedUser.Create(
            new SnmpUsmCredentials("cap-des", SnmpAuthProtocol.Md5, AuthPassword, SnmpPrivProtocol.Des, PrivPassword), EngineId);

        public UsmLocalizedUser? Find(ReadOnlySpan<byte> engineId, ReadOnlySpan<byte> userName) =>
            !engineId.SequenceEqual(EngineId) ? null
            : userName.SequenceEqual(_aes.Name) ? _aes
            : userName.SequenceEqual(_des.Name) ? _des
            : null;
    }
}
