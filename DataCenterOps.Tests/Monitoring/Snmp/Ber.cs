namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Hand-built BER for decoder tests: exact bytes, including the wrong ones.</summary>
internal static class Ber
{
    public static byte[] Tlv(byte tag, params byte[][] content)
    {
        var body = content.SelectMany(c => c).ToArray();
        return [tag, .. Length(body.Length), .. body];
    }

    public static byte[] Length(int length) => length switch
    {
        < 0x80 => [(byte)length],
        <= 0xFF => [0x81, (byte)length],
        _ => [0x82, (byte)(length >> 8), (byte)length],
    };

    public static byte[] Int(int value) => value is >= -128 and <= 127
        ? Tlv(0x02, [(byte)value])
        : Tlv(0x02, [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

    public static byte[] Str(string text) => Tlv(0x04, System.Text.Encoding.ASCII.GetBytes(text));

    /// <summary>1.3.6.1.2.1.33.1.2.1.0 (upsBatteryStatus.0).</summary>
    public static readonly byte[] BatteryStatusOid = [0x06, 0x0A, 0x2B, 0x06, 0x01, 0x02, 0x01, 0x21, 0x01, 0x02, 0x01, 0x00];

    public static byte[] Varbind(byte[] name, byte[] value) => Tlv(0x30, name, value);

    /// <summary>A v2c Response from community "public", request-id 1234, with the given varbinds.</summary>
    public static byte[] Response(params byte[][] varbinds) => Message(1, "public", 0xA2, 1234, 0, 0, varbinds);

    public static byte[] Message(int version, string community, byte pduTag, int requestId, int field2, int field3, params byte[][] varbinds) =>
        Tlv(0x30, Int(version), Str(community),
            Tlv(pduTag, Int(requestId), Int(field2), Int(field3), Tlv(0x30, varbinds)));

    /// <summary>A Response carrying one varbind whose value is the given raw TLV.</summary>
    public static byte[] ResponseWithValue(params byte[] valueTlv) => Response(Varbind(BatteryStatusOid, valueTlv));
}
