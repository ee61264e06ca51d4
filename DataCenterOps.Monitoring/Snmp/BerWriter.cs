using System.Buffers.Binary;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// Forward BER writer with definite, minimal lengths. Callers size containers first with the
/// static <c>…Length</c> helpers, so nothing is written twice or moved.
/// </summary>
internal ref struct BerWriter(Span<byte> destination)
{
    private readonly Span<byte> _buffer = destination;
    private int _position;

    public readonly int Written => _position;

    public static int LengthOfLength(int length) => length switch
    {
        < 0x80 => 1,
        <= 0xFF => 2,
        <= 0xFFFF => 3,
        <= 0xFFFFFF => 4,
        _ => 5,
    };

    public static int TlvLength(int contentLength) => 1 + LengthOfLength(contentLength) + contentLength;

    public static int IntegerContentLength(long value)
    {
        var length = 8;
        // Drop leading octets that only repeat the sign bit.
        while (length > 1 && (value >> ((length - 1) * 8) - 1) is 0 or -1)
        {
            length--;
        }

        return length;
    }

    public static int UnsignedContentLength(ulong value)
    {
        var length = 1;
        while (length < 9 && (value >> (length * 8 - 1)) != 0)
        {
            length++;
        }

        return length;
    }

    public static int OidContentLength(ReadOnlySpan<uint> subIds)
    {
        if (subIds.IsEmpty)
        {
            return 0;
        }

        ValidateOid(subIds);
        var length = Base128Length(subIds[0] * 40UL + subIds[1]);
        foreach (var subId in subIds[2..])
        {
            length += Base128Length(subId);
        }

        return length;
    }

    public static int ValueContentLength(in SnmpValue value) => value.Type switch
    {
        SnmpValueType.Integer => IntegerContentLength(unchecked((long)value.RawBits)),
        SnmpValueType.OctetString or SnmpValueType.Opaque => value.Bytes.Length,
        SnmpValueType.ObjectIdentifier => OidContentLength(value.AsOid().Span),
        SnmpValueType.IpAddress => 4,
        SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64
            => UnsignedContentLength(value.RawBits),
        _ => 0,
    };

    public static int VarbindLength(in Varbind varbind) =>
        TlvLength(TlvLength(OidContentLength(varbind.Oid.Span)) + TlvLength(ValueContentLength(varbind.Value)));

    public void WriteHeader(byte tag, int contentLength)
    {
        _buffer[_position++] = tag;
        if (contentLength < 0x80)
        {
            _buffer[_position++] = (byte)contentLength;
            return;
        }

        var octets = LengthOfLength(contentLength) - 1;
        _buffer[_position++] = (byte)(0x80 | octets);
        for (var i = octets - 1; i >= 0; i--)
        {
            _buffer[_position++] = (byte)(contentLength >> (i * 8));
        }
    }

    public void WriteInteger(byte tag, long value)
    {
        var length = IntegerContentLength(value);
        WriteHeader(tag, length);
        for (var i = length - 1; i >= 0; i--)
        {
            _buffer[_position++] = (byte)(value >> (i * 8));
        }
    }

    public void WriteUnsigned(byte tag, ulong value)
    {
        var length = UnsignedContentLength(value);
        WriteHeader(tag, length);
        for (var i = length - 1; i >= 0; i--)
        {
            _buffer[_position++] = i >= 8 ? (byte)0 : (byte)(value >> (i * 8));
        }
    }

    public void WriteBytes(byte tag, ReadOnlySpan<byte> content)
    {
        WriteHeader(tag, content.Length);
        content.CopyTo(_buffer[_position..]);
        _position += content.Length;
    }

    /// <summary>Writes already-encoded bytes (a nested TLV).</summary>
    public void WriteRaw(ReadOnlySpan<byte> encoded)
    {
        encoded.CopyTo(_buffer[_position..]);
        _position += encoded.Length;
    }

    public void WriteByte(byte value) => _buffer[_position++] = value;

    /// <summary>Leaves <paramref name="count"/> bytes as they are (zero in a fresh buffer), to be filled in later.</summary>
    public void Skip(int count) => _position += count;

    public void WriteOid(ReadOnlySpan<uint> subIds)
    {
        WriteHeader(0x06, OidContentLength(subIds));
        if (subIds.IsEmpty)
        {
            return;
        }

        WriteBase128(subIds[0] * 40UL + subIds[1]);
        foreach (var subId in subIds[2..])
        {
            WriteBase128(subId);
        }
    }

    public void WriteValue(in SnmpValue value)
    {
        var tag = (byte)value.Type;
        switch (value.Type)
        {
            case SnmpValueType.Integer:
                WriteInteger(tag, unchecked((long)value.RawBits));
                break;
            case SnmpValueType.OctetString or SnmpValueType.Opaque:
                WriteBytes(tag, value.Bytes);
                break;
            case SnmpValueType.ObjectIdentifier:
                WriteOid(value.AsOid().Span);
                break;
            case SnmpValueType.IpAddress:
                WriteHeader(tag, 4);
                BinaryPrimitives.WriteUInt32BigEndian(_buffer[_position..], (uint)value.RawBits);
                _position += 4;
                break;
            case SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64:
                WriteUnsigned(tag, value.RawBits);
                break;
            default:
                WriteHeader(tag, 0);
                break;
        }
    }

    public void WriteVarbind(in Varbind varbind)
    {
        var oidLength = OidContentLength(varbind.Oid.Span);
        WriteHeader(0x30, TlvLength(oidLength) + TlvLength(ValueContentLength(varbind.Value)));
        WriteOid(varbind.Oid.Span);
        WriteValue(varbind.Value);
    }

    private static void ValidateOid(ReadOnlySpan<uint> subIds)
    {
        // X.690 §8.19.4: two arcs at least, the first 0–2, the second below 40 under arcs 0 and 1.
        if (subIds.Length < 2 || subIds[0] > 2 || (subIds[0] < 2 && subIds[1] >= 40) || subIds[0] * 40UL + subIds[1] > uint.MaxValue)
        {
            throw new ArgumentException($"OID '{new ObjectIdentifier(subIds)}' cannot be BER-encoded.", nameof(subIds));
        }
    }

    private static int Base128Length(ulong value)
    {
        var length = 1;
        while ((value >>= 7) != 0)
        {
            length++;
        }

        return length;
    }

    private void WriteBase128(ulong value)
    {
        var length = Base128Length(value);
        for (var i = length - 1; i >= 0; i--)
        {
            var septet = (byte)((value >> (i * 7)) & 0x7F);
            _buffer[_position++] = i == 0 ? septet : (byte)(septet | 0x80);
        }
    }
}
