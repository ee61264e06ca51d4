using System.Buffers.Binary;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// Strict reader of the BER subset SNMP uses (definite lengths, single-byte tags). Every
/// malformed input ends in <see cref="SnmpDecodeException"/>; a child reader sees only its
/// parent's content, so no length can reach past its container.
/// </summary>
internal ref struct BerReader
{
    /// <summary>Deepest nesting accepted (SNMP needs 4; robustness.md caps at 16).</summary>
    public const int MaxDepth = 16;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _depth;
    private int _position;

    public BerReader(ReadOnlySpan<byte> data)
        : this(data, 0)
    {
    }

    private BerReader(ReadOnlySpan<byte> data, int depth)
    {
        _data = data;
        _depth = depth;
    }

    public readonly bool HasData => _position < _data.Length;

    public readonly int Position => _position;

    public readonly byte PeekTag() => HasData ? _data[_position] : throw Fail("truncated: expected another element");

    /// <summary>Reads one tag-length-value and returns its content.</summary>
    public ReadOnlySpan<byte> ReadTlv(out byte tag)
    {
        var remaining = _data[_position..];
        if (remaining.Length < 2)
        {
            throw Fail("truncated: an element needs a tag and a length");
        }

        tag = remaining[0];
        if ((tag & 0x1F) == 0x1F)
        {
            throw Fail($"multi-byte tag 0x{tag:X2} is not used by SNMP");
        }

        int headerLength;
        ulong length;
        var first = remaining[1];
        if (first < 0x80)
        {
            headerLength = 2;
            length = first;
        }
        else if (first == 0x80)
        {
            throw Fail("indefinite length is not allowed");
        }
        else
        {
            var count = first & 0x7F;
            if (count > 4)
            {
                throw Fail($"length of length {count} is more than 4");
            }

            if (remaining.Length < 2 + count)
            {
                throw Fail("truncated inside a length");
            }

            length = 0;
            foreach (var b in remaining.Slice(2, count))
            {
                length = (length << 8) | b;
            }

            headerLength = 2 + count;
        }

        if (length > (ulong)(remaining.Length - headerLength))
        {
            throw Fail($"length {length} runs past the {remaining.Length - headerLength} bytes left in its container");
        }

        _position += headerLength + (int)length;
        return remaining.Slice(headerLength, (int)length);
    }

    public ReadOnlySpan<byte> ReadPrimitive(byte expectedTag, string what)
    {
        var content = ReadTlv(out var tag);
        if (tag != expectedTag)
        {
            throw Fail(tag == (expectedTag | 0x20)
                ? $"constructed encoding of {what} is not allowed"
                : $"expected {what} (tag 0x{expectedTag:X2}) but found tag 0x{tag:X2}");
        }

        return content;
    }

    public BerReader ReadConstructed(byte expectedTag, string what)
    {
        var content = ReadTlv(out var tag);
        if (tag != expectedTag)
        {
            throw Fail($"expected {what} (tag 0x{expectedTag:X2}) but found tag 0x{tag:X2}");
        }

        return Enter(content);
    }

    public readonly BerReader Enter(ReadOnlySpan<byte> content) =>
        _depth + 1 > MaxDepth ? throw Fail($"nesting deeper than {MaxDepth}") : new BerReader(content, _depth + 1);

    public readonly void EnsureEnd(string what)
    {
        if (HasData)
        {
            throw Fail($"{_data.Length - _position} unexpected bytes after {what}");
        }
    }

    public int ReadInt32(string what)
    {
        var value = ReadInteger(ReadPrimitive(0x02, what), what);
        return value is < int.MinValue or > int.MaxValue ? throw Fail($"{what} {value} is outside 32 bits") : (int)value;
    }

    /// <summary>A two's-complement INTEGER of 1–8 bytes; non-minimal encodings are tolerated (RFC 3417).</summary>
    public static long ReadInteger(ReadOnlySpan<byte> content, string what)
    {
        if (content.IsEmpty)
        {
            throw Fail($"{what} has no content octets");
        }

        if (content.Length > 8)
        {
            throw Fail($"{what} of {content.Length} bytes is longer than 8");
        }

        long value = (sbyte)content[0];
        foreach (var b in content[1..])
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>An unsigned integer (Counter32, Gauge32, TimeTicks: 32 bits; Counter64: 64 bits).</summary>
    public static ulong ReadUnsigned(ReadOnlySpan<byte> content, int maxBytes, string what)
    {
        if (content.IsEmpty)
        {
            throw Fail($"{what} has no content octets");
        }

        var limit = maxBytes == 8 ? 9 : 8;
        if (content.Length > limit || (content.Length == 9 && content[0] != 0))
        {
            throw Fail($"{what} of {content.Length} bytes is too long");
        }

        // Leading zero octets are padding (a sign octet, or a non-minimal encoding).
        var significant = content.TrimStart((byte)0);
        if (significant.Length > maxBytes)
        {
            throw Fail($"{what} does not fit in {maxBytes * 8} bits");
        }

        // A 32-bit value sent without its sign octet (0xFFFFFFFF as FF FF FF FF) is what
        // buggy agents mean by a large counter: read the octets as unsigned, as net-snmp does.
        ulong value = 0;
        foreach (var b in significant)
        {
            value = (value << 8) | b;
        }

        return value;
    }

    /// <summary>
    /// Decodes an OID's content. A zero-length OID decodes to the empty OID (RFC 3417 tolerance);
    /// sub-identifiers above 2³²−1 and more than 128 sub-identifiers are rejected.
    /// </summary>
    public static uint[] ReadOid(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty)
        {
            return [];
        }

        if ((content[^1] & 0x80) != 0)
        {
            throw Fail("OID ends inside a sub-identifier");
        }

        var encoded = 0;
        foreach (var b in content)
        {
            if ((b & 0x80) == 0)
            {
                encoded++;
            }
        }

        if (encoded + 1 > ObjectIdentifier.MaxLength)
        {
            throw Fail($"OID has more than {ObjectIdentifier.MaxLength} sub-identifiers");
        }

        var subIds = new uint[encoded + 1];
        var index = 0;
        ulong current = 0;
        foreach (var b in content)
        {
            current = (current << 7) | (uint)(b & 0x7F);
            if (current > uint.MaxValue)
            {
                throw Fail("OID sub-identifier is larger than 2^32-1");
            }

            if ((b & 0x80) != 0)
            {
                continue;
            }

            if (index == 0)
            {
                // The first encoded value carries the first two arcs (X.690 §8.19.4).
                var (first, second) = current switch
                {
                    < 40 => (0u, (uint)current),
                    < 80 => (1u, (uint)current - 40),
                    _ => (2u, (uint)current - 80),
                };
                subIds[0] = first;
                subIds[1] = second;
                index = 2;
            }
            else
            {
                subIds[index++] = (uint)current;
            }

            current = 0;
        }

        return subIds;
    }

    public static uint ReadIpAddress(ReadOnlySpan<byte> content) =>
        content.Length == 4 ? BinaryPrimitives.ReadUInt32BigEndian(content) : throw Fail($"IpAddress of {content.Length} bytes, not 4");

    public static SnmpDecodeException Fail(string reason) => new($"Malformed SNMP message: {reason}.");
}
