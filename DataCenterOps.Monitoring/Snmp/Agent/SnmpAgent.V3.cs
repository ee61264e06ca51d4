using System.Net;
using System.Security.Cryptography;
using System.Text;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>
/// SNMPv3 for the agent, as an authoritative USM engine (RFC 3414): discovery and every usmStats Report, time
/// window, HMAC and privacy; the scoped PDU's contextName selects the view (<see cref="ISnmpAgentData.Resolve"/>),
/// an unknown one gets an snmpUnknownContexts Report.
/// </summary>
public sealed partial class SnmpAgent
{
    private UsmLocalEngine? _engine;
    private UsmUserTable? _users;
    private long _unknownContexts;

    /// <summary>USM users accepted over SNMPv3; none (the default) answers no v3 message at all.</summary>
    public IReadOnlyList<SnmpUsmCredentials> V3Users { get; init; } = [];

    /// <summary>snmpEngineID (5–32 bytes); when empty, <see cref="DeriveEngineId"/> of the bound endpoint and host name.</summary>
    public ReadOnlyMemory<byte> EngineId { get; init; }

    /// <summary>snmpEngineBoots. Nothing is persisted, so a restart with the same ID starts the time again at 0 (managers re-synchronise).</summary>
    public int EngineBoots { get; init; } = 1;

    /// <summary>Clock of snmpEngineTime.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The engine ID in use (after <see cref="StartAsync"/>), e.g. for <c>snmptrap -e</c> or a manager's config.</summary>
    public ReadOnlyMemory<byte> ActiveEngineId => _engine?.EngineId ?? ReadOnlyMemory<byte>.Empty;

    /// <summary>The authoritative engine (after <see cref="StartAsync"/>, with V3 users): what notifications this agent sends name.</summary>
    internal UsmLocalEngine? LocalEngine => _engine;

    /// <summary>
    /// A stable engine ID in RFC 3411 §5 form: enterprise 0 with the high bit set (80 00 00 00), format 5
    /// (administratively assigned octets), then the first 8 bytes of SHA-256 of <paramref name="seed"/>.
    /// </summary>
    public static byte[] DeriveEngineId(string seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        return [0x80, 0x00, 0x00, 0x00, 0x05, .. SHA256.HashData(Encoding.UTF8.GetBytes(seed)).AsSpan(0, 8)];
    }

    private void StartV3()
    {
        if (V3Users.Count == 0)
        {
            return;
        }

        var engineId = EngineId.IsEmpty ? DeriveEngineId($"{Dns.GetHostName()}/{_bind}") : EngineId.ToArray();
        _engine = new UsmLocalEngine(engineId, EngineBoots, TimeProvider);
        _users = new UsmUserTable(V3Users);
        _users.Prepare(engineId);
    }

    private int HandleV3(ReadOnlySpan<byte> datagram, Span<byte> output)
    {
        if (_engine is null || _users is null)
        {
            return Ignore(datagram.Length, "SNMPv3 is not configured");
        }

        SnmpV3Message message;
        try
        {
            message = SnmpV3Message.Decode(datagram);
        }
        catch (SnmpDecodeException e)
        {
            return Ignore(datagram.Length, e.Message);
        }

        var incoming = UsmProcessor.ProcessAuthoritative(message, _users, _engine);
        if (incoming.Error != UsmError.None)
        {
            var counter = _engine.Count(incoming.Error);
            // notInTimeWindow goes back authenticated so the manager may believe the clock in it (RFC 3414 §3.2 step 7a).
            var level = incoming.Error == UsmError.NotInTimeWindow ? SnmpSecurityLevel.AuthNoPriv : SnmpSecurityLevel.NoAuthNoPriv;
            return Report(message, incoming.User, level, UsmReports.For(incoming.Error)!.Value, counter, output, incoming.Error.ToString());
        }

        var scoped = incoming.ScopedPdu!;
        var view = scoped.ContextEngineId.AsSpan().SequenceEqual(_engine.EngineId)
            ? _data.Resolve(Encoding.UTF8.GetString(scoped.ContextName))
            : null;
        if (view is null)
        {
            var counter = unchecked((uint)Interlocked.Increment(ref _unknownContexts));
            return Report(message, incoming.User, message.SecurityLevel, UsmReports.UnknownContexts, counter, output, "unknown context");
        }

        var fault = view.Fault;
        if (fault == SnmpAgentFault.Silent)
        {
            return Ignore(datagram.Length, "silent fault");
        }

        var maxSize = Math.Min(MaxMessageSize, message.MaxSize);
        var header = Encode(message, incoming.User, message.SecurityLevel, scoped.ContextName, SnmpPdu.Response(scoped.Pdu.RequestId, SnmpErrorStatus.NoError, 0, [])).Length;
        // What the v3 header and privacy padding add over a community message with an empty community.
        var allowance = header - SnmpMessage.EncodedLength(0, scoped.Pdu.RequestId, 0, 0, 0) + 24;
        var response = SnmpAgentResponder.RespondPdu(v1: false, scoped.Pdu, view, allowance, maxSize);
        if (response is null)
        {
            return Ignore(datagram.Length, $"{scoped.Pdu.Type} gets no answer");
        }

        var bytes = Encode(message, incoming.User, message.SecurityLevel, scoped.ContextName, response);
        if (bytes.Length > maxSize)
        {
            bytes = Encode(message, incoming.User, message.SecurityLevel, scoped.ContextName,
                SnmpPdu.Response(scoped.Pdu.RequestId, SnmpErrorStatus.TooBig, 0, []));
        }

        Interlocked.Increment(ref _answered);
        bytes.CopyTo(output);
        return fault == SnmpAgentFault.Garbage ? Corrupt(output, bytes.Length) : bytes.Length;
    }

    /// <summary>A Report (RFC 3412 §7.1 step 3) when the request was reportable; otherwise nothing.</summary>
    private int Report(SnmpV3Message request, UsmLocalizedUser? user, SnmpSecurityLevel level, ObjectIdentifier counterOid, uint counter, Span<byte> output, string reason)
    {
        if (!request.Reportable)
        {
            return Ignore(request.Raw.Length, $"{reason}, not reportable");
        }

        if (user is null || (int)level > (int)user.SecurityLevel)
        {
            level = SnmpSecurityLevel.NoAuthNoPriv;
        }

        var report = new SnmpPdu(SnmpPduType.Report, request.ScopedPdu?.Pdu.RequestId ?? 0, 0, 0, [new Varbind(counterOid, SnmpValue.Counter32(counter))]);
        var bytes = Encode(request, user, level, request.ScopedPdu?.ContextName ?? [], report);
        SnmpAgentLog.Ignored(_logger, request.Raw.Length, $"{reason}: sent a Report");
        bytes.CopyTo(output);
        return bytes.Length;
    }

    private byte[] Encode(SnmpV3Message request, UsmLocalizedUser? user, SnmpSecurityLevel level, byte[] contextName, SnmpPdu pdu)
    {
        var engine = _engine!;
        return UsmProcessor.Encode(request.MessageId, SnmpMessageDecoder.MaxMessageSize, level, reportable: false,
            engine.EngineId, engine.Boots, engine.Time, request.UserName, level == SnmpSecurityLevel.NoAuthNoPriv ? null : user,
            new SnmpScopedPdu(engine.EngineId, contextName, pdu), engine.NextSalt());
    }
}
