namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>
/// RFC 3414 §3 message processing, for every side: our manager reading replies, our agent answering requests,
/// and a receiver of v3 traps (non-authoritative: the sender's engine ID, keys localised to it) or informs
/// (authoritative: our own engine). Decoding is <see cref="SnmpV3Message.Decode"/>; this checks user,
/// security level, HMAC, time window and decrypts. <see cref="Encode"/> builds outgoing messages.
/// </summary>
internal static class UsmProcessor
{
    /// <summary>RFC 3414 §3.2 step 7: the window in seconds either side of the authoritative engine's time.</summary>
    public const int TimeWindowSeconds = 150;

    /// <summary>
    /// As the authoritative engine (an agent answering a request; a receiver of informs): the message must name
    /// <paramref name="engine"/>'s ID and fall inside its time window.
    /// </summary>
    public static UsmIncoming ProcessAuthoritative(SnmpV3Message message, IUsmUserTable users, UsmLocalEngine engine)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(engine);
        if (!message.EngineId.AsSpan().SequenceEqual(engine.EngineId))
        {
            return new UsmIncoming(message, null, message.ScopedPdu, UsmError.UnknownEngineId);
        }

        var user = users.Find(engine.EngineId, message.UserName);
        return Process(message, user, engine);
    }

    /// <summary>
    /// As a non-authoritative engine (a manager reading a response or Report; a receiver of traps): the keys are
    /// those localised to the message's engine ID. Time-window tracking is the caller's (RFC 3414 §3.2 step 7b).
    /// </summary>
    public static UsmIncoming ProcessNonAuthoritative(SnmpV3Message message, IUsmUserTable users)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(users);
        return Process(message, message.UserName.Length == 0 ? null : users.Find(message.EngineId, message.UserName), null);
    }

    /// <summary>Checks and opens a message for a user already known (the manager knows whom it asked as).</summary>
    public static UsmIncoming Process(SnmpV3Message message, UsmLocalizedUser? user, UsmLocalEngine? authoritative)
    {
        ArgumentNullException.ThrowIfNull(message);
        var level = message.SecurityLevel;
        if (level == SnmpSecurityLevel.NoAuthNoPriv)
        {
            // Unauthenticated: nothing to check (a discovery request, or a Report about one).
            return user is null && message.UserName.Length > 0 && authoritative is not null
                ? new UsmIncoming(message, null, message.ScopedPdu, UsmError.UnknownUserName)
                : new UsmIncoming(message, user, message.ScopedPdu, UsmError.None);
        }

        if (user is null || !user.Name.AsSpan().SequenceEqual(message.UserName))
        {
            return new UsmIncoming(message, null, message.ScopedPdu, UsmError.UnknownUserName);
        }

        if ((int)level > (int)user.SecurityLevel)
        {
            return new UsmIncoming(message, user, message.ScopedPdu, UsmError.UnsupportedSecLevel);
        }

        if (!message.Authenticates(user.AuthProtocol, user.AuthKey))
        {
            return new UsmIncoming(message, user, message.ScopedPdu, UsmError.WrongDigest);
        }

        if (authoritative is not null && !InTimeWindow(message, authoritative))
        {
            return new UsmIncoming(message, user, message.ScopedPdu, UsmError.NotInTimeWindow);
        }

        if (level != SnmpSecurityLevel.AuthPriv)
        {
            return new UsmIncoming(message, user, message.ScopedPdu, UsmError.None);
        }

        var plaintext = UsmCrypto.Decrypt(user.PrivProtocol, user.PrivKey, message.EngineBoots, message.EngineTime,
            message.PrivParameters, message.EncryptedPdu);
        if (plaintext is null)
        {
            return new UsmIncoming(message, user, null, UsmError.DecryptionError);
        }

        try
        {
            var padding = user.PrivProtocol == SnmpPrivProtocol.Des ? 7 : 0;
            return new UsmIncoming(message, user, SnmpScopedPdu.ReadDecrypted(plaintext, padding), UsmError.None);
        }
        catch (SnmpDecodeException)
        {
            // A wrong privacy key decrypts to noise: what RFC 3414 §3.2 step 8 counts as a decryption error.
            return new UsmIncoming(message, user, null, UsmError.DecryptionError);
        }
    }

    /// <summary>
    /// Encodes an outgoing message at <paramref name="level"/> (the user's keys must allow it). For a request the
    /// engine fields name the agent's engine as last learnt; for a response, report, trap or inform our own.
    /// </summary>
    public static byte[] Encode(
        int messageId, int maxSize, SnmpSecurityLevel level, bool reportable,
        ReadOnlySpan<byte> engineId, int boots, int time, ReadOnlySpan<byte> userName, UsmLocalizedUser? user,
        SnmpScopedPdu scopedPdu, ulong salt)
    {
        ArgumentNullException.ThrowIfNull(scopedPdu);
        if (level != SnmpSecurityLevel.NoAuthNoPriv && (user is null || (int)level > (int)user.SecurityLevel))
        {
            throw new ArgumentException($"The user cannot send at {level}.", nameof(level));
        }

        var flags = (byte)((int)level | (reportable ? SnmpV3Message.ReportableFlag : 0));
        var scoped = scopedPdu.Encode();
        Span<byte> privParameters = stackalloc byte[8];
        var encrypted = level == SnmpSecurityLevel.AuthPriv;
        if (encrypted)
        {
            scoped = UsmCrypto.Encrypt(user!.PrivProtocol, user.PrivKey, boots, time, salt, scoped, privParameters);
        }
        else
        {
            privParameters = [];
        }

        var macLength = level == SnmpSecurityLevel.NoAuthNoPriv ? 0 : UsmCrypto.MacLength(user!.AuthProtocol);
        var bytes = SnmpV3Message.Encode(messageId, maxSize, flags, engineId, boots, time, userName, macLength,
            privParameters, scoped, encrypted, out var authOffset);
        if (macLength > 0)
        {
            UsmCrypto.Hmac(user!.AuthProtocol, user.AuthKey, bytes).AsSpan(0, macLength).CopyTo(bytes.AsSpan(authOffset));
        }

        return bytes;
    }

    /// <summary>RFC 3414 §3.2 step 7a.</summary>
    private static bool InTimeWindow(SnmpV3Message message, UsmLocalEngine engine) =>
        engine.Boots != int.MaxValue && message.EngineBoots == engine.Boots &&
        Math.Abs((long)message.EngineTime - engine.Time) <= TimeWindowSeconds;
}
