using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// SNMPv3 with USM (RFC 3414): engine discovery on first contact, keys localised once per (engine, user),
/// the agent's boots/time kept with the moment they arrived, one re-synchronisation after a notInTimeWindow
/// Report and one re-discovery after unknownEngineID; other Reports become typed <see cref="SnmpReportException"/>s.
/// </summary>
public sealed partial class SnmpClient
{
    private const string PrivacyHint =
        " With authPriv a wrong V3PrivPassword or V3PrivProtocol looks like this too: net-snmp drops requests it cannot decrypt.";

    private readonly ConcurrentDictionary<IPEndPoint, UsmRemoteEngine> _engines = new();
    private readonly UsmKeyCache _usmKeys = new();
    private long _usmSalt = BinaryPrimitives.ReadInt64LittleEndian(RandomNumberGenerator.GetBytes(8));

    private async Task<IReadOnlyList<Varbind>> ExchangeV3Async(
        SnmpTarget target, SnmpUsmCredentials credentials, SnmpPdu template, CancellationToken cancellationToken)
    {
        var resynchronised = false;
        var rediscovered = false;
        while (true)
        {
            if (!_engines.TryGetValue(target.Endpoint, out var engine))
            {
                engine = await DiscoverAsync(target, cancellationToken).ConfigureAwait(false);
                rediscovered = true;
            }

            var user = _usmKeys.Get(engine.EngineId, credentials);
            try
            {
                return await SendV3Async(target, credentials, engine, user, template, cancellationToken).ConfigureAwait(false);
            }
            catch (SnmpNotInTimeWindowException) when (!resynchronised)
            {
                // The authenticated Report carried the agent's boots and time; SendV3Async stored them.
                resynchronised = true;
            }
            catch (SnmpUnknownEngineIdException) when (!rediscovered)
            {
                _engines.TryRemove(target.Endpoint, out _);
                rediscovered = true;
            }
        }
    }

    /// <summary>RFC 3414 §4: an unauthenticated, reportable, empty GET is answered with usmStatsUnknownEngineIDs naming the engine.</summary>
    private async Task<UsmRemoteEngine> DiscoverAsync(SnmpTarget target, CancellationToken cancellationToken)
    {
        var reply = await RoundTripV3Async(target, (messageId, _) => UsmProcessor.Encode(
            messageId, SnmpMessageDecoder.MaxMessageSize, SnmpSecurityLevel.NoAuthNoPriv, reportable: true, [], 0, 0, [], null,
            new SnmpScopedPdu([], [], SnmpPdu.Request(SnmpPduType.GetRequest, messageId, [])), 0), cancellationToken).ConfigureAwait(false);
        if (reply.SecurityLevel != SnmpSecurityLevel.NoAuthNoPriv || reply.ScopedPdu?.Pdu.Type != SnmpPduType.Report || reply.EngineId.Length == 0)
        {
            throw new SnmpDecodeException($"SNMPv3 discovery: {target.Endpoint} did not answer with an unauthenticated Report naming its engine ID.");
        }

        var engine = new UsmRemoteEngine(reply.EngineId, reply.EngineBoots, reply.EngineTime, _time.GetTimestamp());
        _engines[target.Endpoint] = engine;
        return engine;
    }

    private async Task<IReadOnlyList<Varbind>> SendV3Async(
        SnmpTarget target, SnmpUsmCredentials credentials, UsmRemoteEngine engine, UsmLocalizedUser user, SnmpPdu template,
        CancellationToken cancellationToken)
    {
        var context = Encoding.UTF8.GetBytes(credentials.ContextName);
        var level = credentials.SecurityLevel;
        SnmpPdu? sent = null;
        var reply = await RoundTripV3Async(target, (messageId, now) =>
        {
            sent = new SnmpPdu(template.Type, messageId, template.Field2, template.Field3, template.Varbinds);
            return UsmProcessor.Encode(messageId, SnmpMessageDecoder.MaxMessageSize, level, reportable: true,
                engine.EngineId, engine.Boots, engine.TimeNow(_time), user.Name, user, new SnmpScopedPdu(engine.EngineId, context, sent),
                unchecked((ulong)Interlocked.Increment(ref _usmSalt)));
        }, cancellationToken, level == SnmpSecurityLevel.AuthPriv ? PrivacyHint : "").ConfigureAwait(false);

        var opened = Open(target, engine, user, reply);
        var pdu = opened.Pdu;
        if (pdu.Type == SnmpPduType.Report)
        {
            throw UsmReportErrors.From(pdu, target.Endpoint, credentials);
        }

        if (reply.SecurityLevel != level)
        {
            throw Mismatch(target, $"security level {reply.SecurityLevel} answers a {level} request");
        }

        if (!opened.ContextEngineId.AsSpan().SequenceEqual(engine.EngineId) || !opened.ContextName.AsSpan().SequenceEqual(context))
        {
            throw Mismatch(target, "contextEngineID or contextName differs from the request's");
        }

        if (pdu.RequestId != sent!.RequestId)
        {
            throw Mismatch(target, $"request-id {pdu.RequestId} under msgID {reply.MessageId}");
        }

        return SnmpReplyCheck.Accept(sent, pdu);
    }

    /// <summary>Authenticates and decrypts a reply as the user asked; keeps the agent's clock from authenticated ones.</summary>
    private SnmpScopedPdu Open(SnmpTarget target, UsmRemoteEngine engine, UsmLocalizedUser user, SnmpV3Message reply)
    {
        if (reply.SecurityLevel == SnmpSecurityLevel.NoAuthNoPriv)
        {
            // To an authenticated request, unauthenticated replies are believed only as Reports (wrong digest,
            // unknown user …), never as data.
            return reply.ScopedPdu is { } plain && (plain.Pdu.Type == SnmpPduType.Report || user.SecurityLevel == SnmpSecurityLevel.NoAuthNoPriv)
                ? plain
                : throw Mismatch(target, "an unauthenticated reply answers an authenticated request");
        }

        if (!reply.EngineId.AsSpan().SequenceEqual(engine.EngineId))
        {
            throw Mismatch(target, "the reply names another engine ID");
        }

        var incoming = UsmProcessor.Process(reply, user, null);
        if (incoming.Error != UsmError.None || incoming.ScopedPdu is null)
        {
            throw new SnmpDecodeException($"SNMPv3 reply from {target.Endpoint} for user '{user.Credentials.User}' failed USM processing: {incoming.Error}.");
        }

        var scoped = incoming.ScopedPdu;
        var isTimeReport = scoped.Pdu.Type == SnmpPduType.Report && scoped.Pdu.Varbinds.Count > 0 && scoped.Pdu.Varbinds[0].Oid == UsmReports.NotInTimeWindows;
        if (isTimeReport || reply.EngineBoots > engine.Boots || (reply.EngineBoots == engine.Boots && reply.EngineTime > engine.TimeNow(_time)))
        {
            // RFC 3414 §3.2 step 7b; an authenticated notInTimeWindow Report is the agent's own clock.
            _engines[target.Endpoint] = engine with { Boots = reply.EngineBoots, Time = reply.EngineTime, ReceivedAt = _time.GetTimestamp() };
        }

        return scoped;
    }

    /// <summary>Sends one v3 request (re-sent as is on retries) and returns the first decoded reply with its msgID from that agent.</summary>
    private async Task<SnmpV3Message> RoundTripV3Async(SnmpTarget target, Func<int, long, byte[]> encode, CancellationToken cancellationToken, string hint = "")
    {
        var address = ToSocketAddress(target.Endpoint);
        var pending = Register(address);
        try
        {
            var datagram = encode(pending.RequestId, _time.GetTimestamp());
            if (datagram.Length > SnmpMessageDecoder.MaxMessageSize)
            {
                throw new ArgumentException($"A request of {datagram.Length} bytes does not fit in one datagram; ask for fewer OIDs.");
            }

            for (var attempt = 0; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Send(datagram, address, target);
                try
                {
                    var reply = await pending.Reply.WaitAsync(target.Timeout, _time, cancellationToken).ConfigureAwait(false);
                    return reply as SnmpV3Message
                        ?? throw Mismatch(target, "a community message answers an SNMPv3 request");
                }
                catch (TimeoutException) when (attempt < target.Retries)
                {
                    Interlocked.Increment(ref _retries);
                }
                catch (TimeoutException)
                {
                    Interlocked.Increment(ref _timeouts);
                    throw (SnmpException?)pending.Rejection ?? new SnmpTimeoutException(
                        $"No SNMPv3 reply from {target.Endpoint} within {target.Timeout.TotalMilliseconds:0} ms after {attempt + 1} attempt(s).{hint}");
                }
            }
        }
        finally
        {
            _pending.TryRemove(pending.RequestId, out _);
        }
    }

    private static SnmpDecodeException Mismatch(SnmpTarget target, string reason) =>
        new($"SNMPv3 reply from {target.Endpoint} does not match its request: {reason}.");
}
