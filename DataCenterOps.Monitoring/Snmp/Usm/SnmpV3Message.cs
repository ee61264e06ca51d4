using System.Security.Cryptography;

namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>
/// An SNMPv3 message with USM security parameters (RFC 3412 §6, RFC 3414 §2.4), decoded as strictly as the
/// community messages (same BER rules) but not yet authenticated or decrypted — that is <see cref="UsmProcessor"/>'s job.
/// <code>
/// SEQUENCE { msgVersion INTEGER (3),
///            msgGlobalData SEQUENCE { msgID, msgMaxSize INTEGER, msgFlags OCTET STRING (1), msgSecurityModel INTEGER (3) },
///            msgSecurityParameters OCTET STRING containing
///              SEQUENCE { engineID OCTET STRING, engineBoots INTEGER, engineTime INTEGER, userName OCTET STRING,
///                         authenticationParameters OCTET STRING, privacyParameters OCTET STRING },
///            msgData ScopedPDU | encryptedPDU OCTET STRING }
/// </code>
/// </summary>
internal sealed class SnmpV3Message
{
    public const int UsmSecurityModel = 3;
    public const byte AuthFlag = 0x01;
    public const byte PrivFlag = 0x02;
    public const byte ReportableFlag = 0x04;

    /// <summary>RFC 3412: msgMaxSize is at least 484.</summary>
    public const int MinMaxSize = 484;

    private SnmpV3Message(byte[] raw)
    {
        Raw = raw;
    }

    /// <summary>The datagram as received (needed to check its HMAC).</summary>
    public byte[] Raw { get; }

    public int MessageId { get; private init; }

    public int MaxSize { get; private init; }

    public byte Flags { get; private init; }

    public byte[] EngineId { get; private init; } = [];

    public int EngineBoots { get; private init; }

    public int EngineTime { get; private init; }

    public byte[] UserName { get; private init; } = [];

    public byte[] AuthParameters { get; private init; } = [];

    /// <summary>Where <see cref="AuthParameters"/> sits in <see cref="Raw"/>.</summary>
    public int AuthParametersOffset { get; private init; }

    public byte[] PrivParameters { get; private init; } = [];

    /// <summary>The plaintext scoped PDU; null when <see cref="EncryptedPdu"/> holds it.</summary>
    public SnmpScopedPdu? ScopedPdu { get; private init; }

    public byte[]? EncryptedPdu { get; private init; }

    public SnmpSecurityLevel SecurityLevel => (SnmpSecurityLevel)(Flags & (AuthFlag | PrivFlag));

    public bool Reportable => (Flags & ReportableFlag) != 0;

    /// <summary>msgVersion of a datagram without decoding the rest; -1 when it does not even start like an SNMP message.</summary>
    public static int PeekVersion(ReadOnlySpan<byte> datagram)
    {
        try
        {
            var outer = new BerReader(datagram);
            var message = outer.ReadConstructed(0x30, "message SEQUENCE");
            var version = BerReader.ReadInteger(message.ReadPrimitive(0x02, "version"), "version");
            return version is >= 0 and <= 3 ? (int)version : -1;
        }
        catch (SnmpDecodeException)
        {
            return -1;
        }
    }

    /// <summary>Decodes one datagram; anything malformed throws <see cref="SnmpDecodeException"/>.</summary>
    public static SnmpV3Message Decode(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length > SnmpMessageDecoder.MaxMessageSize)
        {
            throw BerReader.Fail($"{datagram.Length} bytes is more than a UDP datagram holds");
        }

        var outer = new BerReader(datagram);
        var message = outer.ReadConstructed(0x30, "message SEQUENCE");
        outer.EnsureEnd("the message");
        var version = BerReader.ReadInteger(message.ReadPrimitive(0x02, "msgVersion"), "msgVersion");
        if (version != 3)
        {
            throw BerReader.Fail($"msgVersion {version} is not 3");
        }

        var global = message.ReadConstructed(0x30, "msgGlobalData SEQUENCE");
        var messageId = global.ReadInt32("msgID");
        var maxSize = global.ReadInt32("msgMaxSize");
        var flags = global.ReadPrimitive(0x04, "msgFlags");
        var model = global.ReadInt32("msgSecurityModel");
        global.EnsureEnd("msgGlobalData");
        if (messageId < 0)
        {
            throw BerReader.Fail($"msgID {messageId} is negative");
        }

        if (maxSize < MinMaxSize)
        {
            throw BerReader.Fail($"msgMaxSize {maxSize} is below {MinMaxSize}");
        }

        if (flags.Length != 1)
        {
            throw BerReader.Fail($"msgFlags of {flags.Length} bytes, not 1");
        }

        // RFC 3412 §7.2 step 5: privacy without authentication is invalid.
        if ((flags[0] & (AuthFlag | PrivFlag)) == PrivFlag)
        {
            throw BerReader.Fail("msgFlags asks for privacy without authentication");
        }

        if (model != UsmSecurityModel)
        {
            throw BerReader.Fail($"msgSecurityModel {model} is not USM (3)");
        }

        var securityParameters = message.ReadPrimitive(0x04, "msgSecurityParameters");
        var usmOuter = message.Enter(securityParameters);
        var usm = usmOuter.ReadConstructed(0x30, "UsmSecurityParameters SEQUENCE");
        usmOuter.EnsureEnd("UsmSecurityParameters");
        var engineId = usm.ReadPrimitive(0x04, "msgAuthoritativeEngineID");
        var boots = usm.ReadInt32("msgAuthoritativeEngineBoots");
        var time = usm.ReadInt32("msgAuthoritativeEngineTime");
        var user = usm.ReadPrimitive(0x04, "msgUserName");
        var auth = usm.ReadPrimitive(0x04, "msgAuthenticationParameters");
        var priv = usm.ReadPrimitive(0x04, "msgPrivacyParameters");
        usm.EnsureEnd("UsmSecurityParameters");
        if (engineId.Length > 32 || engineId.Length is > 0 and < 5)
        {
            throw BerReader.Fail($"msgAuthoritativeEngineID of {engineId.Length} bytes (5–32, or empty for discovery)");
        }

        if (boots < 0 || time < 0)
        {
            throw BerReader.Fail("engine boots or time is negative");
        }

        if (user.Length > 32)
        {
            throw BerReader.Fail($"msgUserName of {user.Length} bytes is longer than 32");
        }

        if (auth.Length > 64 || priv.Length > 32)
        {
            throw BerReader.Fail("authentication or privacy parameters too long");
        }

        var encrypted = (flags[0] & PrivFlag) != 0;
        SnmpScopedPdu? scoped = null;
        byte[]? encryptedPdu = null;
        if (encrypted)
        {
            encryptedPdu = message.ReadPrimitive(0x04, "encryptedPDU").ToArray();
        }
        else
        {
            scoped = SnmpScopedPdu.Read(ref message);
        }

        message.EnsureEnd("msgData");
        var raw = datagram.ToArray();
        datagram.Overlaps(auth, out var authOffset);
        return new SnmpV3Message(raw)
        {
            MessageId = messageId,
            MaxSize = maxSize,
            Flags = flags[0],
            EngineId = engineId.ToArray(),
            EngineBoots = boots,
            EngineTime = time,
            UserName = user.ToArray(),
            AuthParameters = auth.ToArray(),
            AuthParametersOffset = authOffset,
            PrivParameters = priv.ToArray(),
            ScopedPdu = scoped,
            EncryptedPdu = encryptedPdu,
        };
    }

    /// <summary>
    /// Encodes a message; when <paramref name="authLength"/> is not 0 the authentication parameters are that
    /// many zero bytes, whose offset is returned in <paramref name="authOffset"/> for the HMAC to be written over.
    /// </summary>
    public static byte[] Encode(
        int messageId, int maxSize, byte flags, ReadOnlySpan<byte> engineId, int boots, int time, ReadOnlySpan<byte> userName,
        int authLength, ReadOnlySpan<byte> privParameters, ReadOnlySpan<byte> scopedPduOrCiphertext, bool encrypted, out int authOffset)
    {
        var global = BerWriter.TlvLength(BerWriter.IntegerContentLength(messageId)) + BerWriter.TlvLength(BerWriter.IntegerContentLength(maxSize)) +
            BerWriter.TlvLength(1) + BerWriter.TlvLength(1);
        var usm = BerWriter.TlvLength(engineId.Length) + BerWriter.TlvLength(BerWriter.IntegerContentLength(boots)) +
            BerWriter.TlvLength(BerWriter.IntegerContentLength(time)) + BerWriter.TlvLength(userName.Length) +
            BerWriter.TlvLength(authLength) + BerWriter.TlvLength(privParameters.Length);
        var data = encrypted ? BerWriter.TlvLength(scopedPduOrCiphertext.Length) : scopedPduOrCiphertext.Length;
        var content = BerWriter.TlvLength(1) + BerWriter.TlvLength(global) + BerWriter.TlvLength(BerWriter.TlvLength(usm)) + data;
        var bytes = new byte[BerWriter.TlvLength(content)];
        var writer = new BerWriter(bytes);
        writer.WriteHeader(0x30, content);
        writer.WriteInteger(0x02, 3);
        writer.WriteHeader(0x30, global);
        writer.WriteInteger(0x02, messageId);
        writer.WriteInteger(0x02, maxSize);
        writer.WriteHeader(0x04, 1);
        writer.WriteByte(flags);
        writer.WriteInteger(0x02, UsmSecurityModel);
        writer.WriteHeader(0x04, BerWriter.TlvLength(usm));
        writer.WriteHeader(0x30, usm);
        writer.WriteBytes(0x04, engineId);
        writer.WriteInteger(0x02, boots);
        writer.WriteInteger(0x02, time);
        writer.WriteBytes(0x04, userName);
        writer.WriteHeader(0x04, authLength);
        authOffset = writer.Written;
        writer.Skip(authLength);
        writer.WriteBytes(0x04, privParameters);
        if (encrypted)
        {
            writer.WriteBytes(0x04, scopedPduOrCiphertext);
        }
        else
        {
            writer.WriteRaw(scopedPduOrCiphertext);
        }

        return bytes;
    }

    /// <summary>Checks the HMAC over <see cref="Raw"/> with the authentication parameters zeroed (RFC 3414 §6.3.2, §7.3.2).</summary>
    public bool Authenticates(SnmpAuthProtocol protocol, ReadOnlySpan<byte> key)
    {
        var length = UsmCrypto.MacLength(protocol);
        if (AuthParameters.Length != length || length == 0)
        {
            return false;
        }

        var copy = (byte[])Raw.Clone();
        copy.AsSpan(AuthParametersOffset, length).Clear();
        var mac = UsmCrypto.Hmac(protocol, key, copy);
        return CryptographicOperations.FixedTimeEquals(mac.AsSpan(0, length), AuthParameters);
    }
}
