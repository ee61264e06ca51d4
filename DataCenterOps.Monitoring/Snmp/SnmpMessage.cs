using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// A community-based (v1/v2c) SNMP message, for both the manager and the agent side:
/// <c>SEQUENCE { version INTEGER, community OCTET STRING, PDU }</c>.
/// </summary>
public sealed class SnmpMessage
{
    public SnmpMessage(SnmpVersion version, ReadOnlyMemory<byte> community, SnmpPdu pdu)
    {
        ArgumentNullException.ThrowIfNull(pdu);
        if (version is not (SnmpVersion.V1 or SnmpVersion.V2c))
        {
            throw new ArgumentOutOfRangeException(nameof(version), version, "Community messages are v1 or v2c.");
        }

        Version = version;
        Community = community;
        Pdu = pdu;
    }

    public SnmpMessage(SnmpVersion version, string community, SnmpPdu pdu)
        : this(version, Encoding.UTF8.GetBytes(community), pdu)
    {
    }

    public SnmpVersion Version { get; }

    public ReadOnlyMemory<byte> Community { get; }

    public SnmpPdu Pdu { get; }

    /// <summary>Decodes one datagram; anything malformed throws <see cref="SnmpDecodeException"/>.</summary>
    public static SnmpMessage Decode(ReadOnlySpan<byte> datagram) => SnmpMessageDecoder.Decode(datagram);

    public static bool TryDecode(ReadOnlySpan<byte> datagram, [NotNullWhen(true)] out SnmpMessage? message)
    {
        try
        {
            message = SnmpMessageDecoder.Decode(datagram);
            return true;
        }
        catch (SnmpDecodeException)
        {
            message = null;
            return false;
        }
    }

    public int GetEncodedLength() => BerWriter.TlvLength(ContentLength(out _, out _));

    /// <summary>Writes the message into <paramref name="destination"/> and returns the bytes written.</summary>
    public int Encode(Span<byte> destination)
    {
        var messageContent = ContentLength(out var pduContent, out var listContent);
        if (destination.Length < BerWriter.TlvLength(messageContent))
        {
            throw new ArgumentException("The destination is too small for the message.", nameof(destination));
        }

        var writer = new BerWriter(destination);
        writer.WriteHeader(0x30, messageContent);
        writer.WriteInteger(0x02, (int)Version);
        writer.WriteBytes(0x04, Community.Span);
        SnmpPduCodec.Write(ref writer, Pdu, pduContent, listContent);
        return writer.Written;
    }

    public byte[] Encode()
    {
        var bytes = new byte[GetEncodedLength()];
        Encode(bytes);
        return bytes;
    }

    /// <summary>The encoded size of a message with these header fields and a varbind list of the given content size.</summary>
    internal static int EncodedLength(int communityLength, int requestId, int field2, int field3, int varbindListContent) =>
        BerWriter.TlvLength(MessageContentLength(communityLength, SnmpPduCodec.ContentLength(requestId, field2, field3, varbindListContent)));

    private static int MessageContentLength(int communityLength, int pduContent) =>
        BerWriter.TlvLength(1) + BerWriter.TlvLength(communityLength) + BerWriter.TlvLength(pduContent);

    private int ContentLength(out int pduContent, out int listContent)
    {
        pduContent = SnmpPduCodec.ContentLength(Pdu, out listContent);
        return MessageContentLength(Community.Length, pduContent);
    }
}
