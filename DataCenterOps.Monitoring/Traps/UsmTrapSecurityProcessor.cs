using System.Net;
using System.Text;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;
using DataCenterOps.Monitoring.Snmp.Usm;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// SNMPv3 USM (RFC 3414) for the trap receiver, users from <c>Monitoring:Traps:Users</c>.
/// <list type="bullet">
/// <item>Traps (unconfirmed, not reportable): the sender is the authoritative engine; keys are localised to the
/// engine ID in the message (<see cref="UsmProcessor.ProcessNonAuthoritative"/>).</item>
/// <item>Informs (confirmed, reportable): we are the authoritative engine with our own engine ID
/// (<c>Monitoring:Traps:EngineId</c> or derived); discovery gets a usmStatsUnknownEngineIDs Report, a stale clock a
/// notInTimeWindows Report, and the inform a Response in the same user and security level.</item>
/// </list>
/// A message below its user's security level is refused (a known user name alone proves nothing). Refusals of
/// reportable messages get the RFC's Report; refusals of traps get nothing. Authenticated traps pass the
/// <see cref="TrapReplayGuard"/> (the sender's boots/time window, and no identical message twice); informs are timed
/// against our own engine clock by the authoritative processing.
/// </summary>
internal sealed class UsmTrapSecurityProcessor : ITrapSecurityProcessor
{
    private readonly UsmUserTable _users;
    private readonly UsmLocalEngine _engine;
    private readonly Dictionary<string, SnmpSecurityLevel> _levels;
    private readonly TrapReplayGuard _replays;

    public UsmTrapSecurityProcessor(IOptions<TrapOptions> options, TimeProvider time, ILogger<UsmTrapSecurityProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        var credentials = settings.Users
            .Select(u => UsmConfiguration.Create(u.User, u.AuthProtocol, u.AuthPassword, u.PrivProtocol, u.PrivPassword, ""))
            .ToList();
        _levels = credentials.ToDictionary(c => c.User, c => c.SecurityLevel, StringComparer.Ordinal);
        _users = new UsmUserTable(credentials);
        var engineId = ParseEngineId(settings.EngineId) is { Length: > 0 } configured
            ? configured
            : SnmpAgent.DeriveEngineId($"{Dns.GetHostName()}/traps/{settings.BindAddress}:{settings.Port}");
        _engine = new UsmLocalEngine(engineId, 1, time);
        _replays = new TrapReplayGuard(time);
        if (credentials.Count > 0)
        {
            _users.Prepare(engineId);
            TrapReceiverLog.V3(logger, Convert.ToHexString(engineId), string.Join(", ", credentials.Select(c => c.User)));
        }
    }

    /// <summary>Our snmpEngineID (the one informs must name).</summary>
    public ReadOnlyMemory<byte> EngineId => _engine.EngineId;

    /// <summary>The configured engine ID: empty when none is set, null when it is not hex of 5–32 bytes.</summary>
    public static byte[]? ParseEngineId(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        try
        {
            var bytes = Convert.FromHexString(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text);
            return bytes.Length is >= 5 and <= 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public bool Handles(long messageVersion) => messageVersion == (long)SnmpVersion.V3;

    public TrapSecurityResult? Process(ReadOnlySpan<byte> datagram, out TrapSecurityReport? report)
    {
        report = null;
        var message = SnmpV3Message.Decode(datagram);

        // Confirmed-class PDUs (informs, and the discovery probe) are reportable and name us as authoritative;
        // unconfirmed ones (traps) name the sender's engine (RFC 3412 §6.4, RFC 3414 §1.5.1).
        var authoritative = message.Reportable || message.EngineId.AsSpan().SequenceEqual(_engine.EngineId);
        var incoming = authoritative
            ? UsmProcessor.ProcessAuthoritative(message, _users, _engine)
            : UsmProcessor.ProcessNonAuthoritative(message, _users);
        if (incoming.Error != UsmError.None)
        {
            if (authoritative)
            {
                report = Report(message, incoming);
            }

            return null;
        }

        var user = incoming.User;
        if (user is null || !_levels.TryGetValue(Encoding.UTF8.GetString(user.Name), out var required) || message.SecurityLevel != required)
        {
            // Unknown user at noAuthNoPriv, or a known user below its level: nothing proves who sent it.
            return null;
        }

        if (!authoritative && message.SecurityLevel != SnmpSecurityLevel.NoAuthNoPriv && _replays.Check(message) is { } refusal)
        {
            throw new TrapRefusedException(refusal, refusal == TrapDropReason.Replayed
                ? "an identical authenticated SNMPv3 trap was already received"
                : $"SNMPv3 trap outside the time window of its engine (boots {message.EngineBoots}, time {message.EngineTime})");
        }

        var scoped = incoming.ScopedPdu!;
        var notification = TrapMessageDecoder.FromPdu(scoped.Pdu, SnmpVersion.V3);
        if (notification.IsInform != authoritative)
        {
            throw BerReader.Fail(authoritative
                ? "an SNMPv3 trap must name its sender's engine, not ours"
                : "an SNMPv3 inform must be reportable and name our engine");
        }

        return new TrapSecurityResult(notification, TrapPrincipal.UsmUser(user.Credentials.User, System.Text.Encoding.UTF8.GetString(scoped.ContextName)), new InformState(message, user, scoped));
    }

    public byte[] EncodeInformResponse(TrapSecurityResult inform)
    {
        ArgumentNullException.ThrowIfNull(inform);
        if (inform.SecurityState is not InformState state)
        {
            throw new ArgumentException("Not an SNMPv3 inform of this processor.", nameof(inform));
        }

        var request = inform.Notification;
        var response = SnmpPdu.Response(request.RequestId, SnmpErrorStatus.NoError, 0, request.Varbinds);
        return Encode(state.Message, state.User, state.Message.SecurityLevel, new SnmpScopedPdu(state.Scoped.ContextEngineId, state.Scoped.ContextName, response));
    }

    /// <summary>A Report (RFC 3412 §7.1 step 3) for a refused reportable message, counted in our usmStats.</summary>
    private TrapSecurityReport? Report(SnmpV3Message message, UsmIncoming incoming)
    {
        var counter = _engine.Count(incoming.Error);
        if (!message.Reportable || UsmReports.For(incoming.Error) is not { } oid)
        {
            return null;
        }

        // notInTimeWindow goes back authenticated so that the sender may believe our clock (RFC 3414 §3.2 step 7a).
        var level = incoming.Error == UsmError.NotInTimeWindow && incoming.User is not null
            ? SnmpSecurityLevel.AuthNoPriv
            : SnmpSecurityLevel.NoAuthNoPriv;
        var pdu = new SnmpPdu(SnmpPduType.Report, message.ScopedPdu?.Pdu.RequestId ?? 0, 0, 0, [new Varbind(oid, SnmpValue.Counter32(counter))]);
        var bytes = Encode(message, incoming.User, level, new SnmpScopedPdu(_engine.EngineId, message.ScopedPdu?.ContextName ?? [], pdu));
        return new TrapSecurityReport(bytes, incoming.Error is UsmError.UnknownEngineId or UsmError.NotInTimeWindow);
    }

    private byte[] Encode(SnmpV3Message request, UsmLocalizedUser? user, SnmpSecurityLevel level, SnmpScopedPdu scoped) =>
        UsmProcessor.Encode(request.MessageId, SnmpMessageDecoder.MaxMessageSize, level, reportable: false,
            _engine.EngineId, _engine.Boots, _engine.Time, request.UserName, level == SnmpSecurityLevel.NoAuthNoPriv ? null : user,
            scoped, _engine.NextSalt());

    private sealed record InformState(SnmpV3Message Message, UsmLocalizedUser User, SnmpScopedPdu Scoped);
}
