namespace DataCenterOps.Monitoring.Snmp.Usm;

/// <summary>RFC 3412 §6: <c>ScopedPDU ::= SEQUENCE { contextEngineID OCTET STRING, contextName OCTET STRING, data PDU }</c>.</summary>
internal sealed record SnmpScopedPdu(byte[] ContextEngineId, byte[] ContextName, SnmpPdu Pdu)
{
    /// <summary>contextEngineID and contextName are SnmpAdminString/SnmpEngineID, at most 32 bytes (RFC 3411).</summary>
    public const int MaxNameLength = 32;

    public static SnmpScopedPdu Read(ref BerReader container)
    {
        var scoped = container.ReadConstructed(0x30, "scopedPDU SEQUENCE");
        var engineId = scoped.ReadPrimitive(0x04, "contextEngineID");
        var name = scoped.ReadPrimitive(0x04, "contextName");
        if (engineId.Length > MaxNameLength || name.Length > MaxNameLength)
        {
            throw BerReader.Fail("contextEngineID or contextName longer than 32 bytes");
        }

        var engine = engineId.ToArray();
        var context = name.ToArray();
        var pdu = SnmpPduCodec.Read(ref scoped);
        scoped.EnsureEnd("the scoped PDU");
        return new SnmpScopedPdu(engine, context, pdu);
    }

    /// <summary>A decrypted scoped PDU; DES pads to whole blocks, so up to 7 trailing bytes are allowed there.</summary>
    public static SnmpScopedPdu ReadDecrypted(ReadOnlySpan<byte> plaintext, int allowedPadding)
    {
        var reader = new BerReader(plaintext);
        var scoped = Read(ref reader);
        if (plaintext.Length - reader.Position > allowedPadding)
        {
            reader.EnsureEnd("the decrypted scoped PDU");
        }

        return scoped;
    }

    public int EncodedLength => BerWriter.TlvLength(ContentLength(out _, out _));

    public byte[] Encode()
    {
        var content = ContentLength(out var pduContent, out var listContent);
        var bytes = new byte[BerWriter.TlvLength(content)];
        var writer = new BerWriter(bytes);
        writer.WriteHeader(0x30, content);
        writer.WriteBytes(0x04, ContextEngineId);
        writer.WriteBytes(0x04, ContextName);
        SnmpPduCodec.Write(ref writer, Pdu, pduContent, listContent);
        return bytes;
    }

    private int ContentLength(out int pduContent, out int listContent)
    {
        pduContent = SnmpPduCodec.ContentLength(Pdu, out listContent);
        return BerWriter.TlvLength(ContextEngineId.Length) + BerWriter.TlvLength(ContextName.Length) + BerWriter.TlvLength(pduContent);
    }
}
