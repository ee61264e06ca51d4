using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// One SNMP value of any type an agent may return, including the v2 exceptions (noSuchObject,
/// noSuchInstance, endOfMibView), which are values rather than failures.
/// </summary>
public readonly struct SnmpValue : IEquatable<SnmpValue>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Numbers (and the IPv4 address, big-endian) live in _bits; bytes and OIDs in _reference.
    private readonly ulong _bits;
    private readonly object? _reference;

    private SnmpValue(SnmpValueType type, ulong bits, object? reference)
    {
        Type = type;
        _bits = bits;
        _reference = reference;
    }

    public SnmpValueType Type { get; }

    public static SnmpValue Null => new(SnmpValueType.Null, 0, null);

    public static SnmpValue NoSuchObject => new(SnmpValueType.NoSuchObject, 0, null);

    public static SnmpValue NoSuchInstance => new(SnmpValueType.NoSuchInstance, 0, null);

    public static SnmpValue EndOfMibView => new(SnmpValueType.EndOfMibView, 0, null);

    /// <summary>True for noSuchObject, noSuchInstance and endOfMibView.</summary>
    public bool IsException => Type is SnmpValueType.NoSuchObject or SnmpValueType.NoSuchInstance or SnmpValueType.EndOfMibView;

    public static SnmpValue Integer(long value) => new(SnmpValueType.Integer, unchecked((ulong)value), null);

    public static SnmpValue OctetString(string text) => new(SnmpValueType.OctetString, 0, Encoding.UTF8.GetBytes(text));

    public static SnmpValue OctetString(byte[] bytes) => new(SnmpValueType.OctetString, 0, bytes.ToArray());

    public static SnmpValue Oid(ObjectIdentifier oid) => new(SnmpValueType.ObjectIdentifier, 0, oid.Span.ToArray());

    public static SnmpValue IpAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("SNMP IpAddress holds IPv4 addresses only.", nameof(address));
        }

        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return new(SnmpValueType.IpAddress, BinaryPrimitives.ReadUInt32BigEndian(bytes), null);
    }

    public static SnmpValue Counter32(uint value) => new(SnmpValueType.Counter32, value, null);

    public static SnmpValue Gauge32(uint value) => new(SnmpValueType.Gauge32, value, null);

    public static SnmpValue TimeTicks(uint hundredths) => new(SnmpValueType.TimeTicks, hundredths, null);

    public static SnmpValue Opaque(byte[] bytes) => new(SnmpValueType.Opaque, 0, bytes.ToArray());

    public static SnmpValue Counter64(ulong value) => new(SnmpValueType.Counter64, value, null);

    /// <summary>Used by the decoder, which hands over arrays it allocated itself (no copy).</summary>
    internal static SnmpValue FromOwnedBytes(SnmpValueType type, byte[] bytes) => new(type, 0, bytes);

    internal static SnmpValue FromOwnedOid(uint[] subIds) => new(SnmpValueType.ObjectIdentifier, 0, subIds);

    internal static SnmpValue FromBits(SnmpValueType type, ulong bits) => new(type, bits, null);

    internal ulong RawBits => _bits;

    /// <summary>The bytes of an OctetString or Opaque (empty for other types).</summary>
    public ReadOnlySpan<byte> Bytes => _reference as byte[];

    public bool TryGetNumber(out double number)
    {
        switch (Type)
        {
            case SnmpValueType.Integer:
                number = unchecked((long)_bits);
                return true;
            case SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64:
                number = _bits;
                return true;
            default:
                number = 0;
                return false;
        }
    }

    /// <summary>The integer of an Integer, or the unsigned value of Counter32/Gauge32/TimeTicks/Counter64.</summary>
    public long AsInt64() => Type switch
    {
        SnmpValueType.Integer => unchecked((long)_bits),
        SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks => (long)_bits,
        SnmpValueType.Counter64 when _bits <= long.MaxValue => (long)_bits,
        _ => throw new InvalidOperationException($"A {Type} value is not a 64-bit signed number."),
    };

    public ulong AsUInt64() => Type switch
    {
        SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64 => _bits,
        SnmpValueType.Integer when (long)_bits >= 0 => _bits,
        _ => throw new InvalidOperationException($"A {Type} value is not an unsigned number."),
    };

    public ObjectIdentifier AsOid() => Type == SnmpValueType.ObjectIdentifier
        ? new ObjectIdentifier((uint[])_reference!)
        : throw new InvalidOperationException($"A {Type} value is not an OID.");

    public IPAddress AsIpAddress()
    {
        if (Type != SnmpValueType.IpAddress)
        {
            throw new InvalidOperationException($"A {Type} value is not an IpAddress.");
        }

        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)_bits);
        return new IPAddress(bytes);
    }

    /// <summary>The text of an OctetString (UTF-8; invalid bytes become U+FFFD).</summary>
    public string AsString() => Type == SnmpValueType.OctetString
        ? Encoding.UTF8.GetString(Bytes)
        : throw new InvalidOperationException($"A {Type} value is not an OctetString.");

    public override string ToString() => Type switch
    {
        SnmpValueType.Integer => unchecked((long)_bits).ToString(CultureInfo.InvariantCulture),
        SnmpValueType.Counter32 or SnmpValueType.Gauge32 or SnmpValueType.TimeTicks or SnmpValueType.Counter64
            => _bits.ToString(CultureInfo.InvariantCulture),
        SnmpValueType.OctetString => IsPrintable(Bytes) ? StrictUtf8.GetString(Bytes) : Convert.ToHexString(Bytes),
        SnmpValueType.Opaque => Convert.ToHexString(Bytes),
        SnmpValueType.ObjectIdentifier => AsOid().ToString(),
        SnmpValueType.IpAddress => AsIpAddress().ToString(),
        SnmpValueType.Null => "NULL",
        SnmpValueType.NoSuchObject => "noSuchObject",
        SnmpValueType.NoSuchInstance => "noSuchInstance",
        SnmpValueType.EndOfMibView => "endOfMibView",
        _ => Type.ToString(),
    };

    public bool Equals(SnmpValue other)
    {
        if (Type != other.Type || _bits != other._bits)
        {
            return false;
        }

        return (_reference, other._reference) switch
        {
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (uint[] a, uint[] b) => a.AsSpan().SequenceEqual(b),
            (null, null) => true,
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is SnmpValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, _bits, _reference switch
    {
        byte[] b => b.Length,
        uint[] o => o.Length,
        _ => 0,
    });

    public static bool operator ==(SnmpValue left, SnmpValue right) => left.Equals(right);

    public static bool operator !=(SnmpValue left, SnmpValue right) => !left.Equals(right);

    private static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        try
        {
            foreach (var c in StrictUtf8.GetString(bytes))
            {
                if (char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
                {
                    return false;
                }
            }

            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
