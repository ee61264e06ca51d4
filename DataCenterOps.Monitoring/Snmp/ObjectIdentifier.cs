using System.Globalization;
using System.Text;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// An SNMP object identifier: an immutable sequence of 32-bit sub-identifiers, ordered as SNMP orders
/// them (lexicographically by sub-identifier, a prefix before its extensions).
/// </summary>
public readonly struct ObjectIdentifier : IEquatable<ObjectIdentifier>, IComparable<ObjectIdentifier>
{
    /// <summary>The most sub-identifiers an OID may have (RFC 2578 §3.5).</summary>
    public const int MaxLength = 128;

    private readonly uint[]? _subIds;

    /// <summary>Wraps an array the caller hands over and never changes afterwards.</summary>
    internal ObjectIdentifier(uint[] subIds) => _subIds = subIds.Length == 0 ? null : subIds;

    public ObjectIdentifier(ReadOnlySpan<uint> subIds)
    {
        if (subIds.Length > MaxLength)
        {
            throw new ArgumentException($"An OID has at most {MaxLength} sub-identifiers.", nameof(subIds));
        }

        _subIds = subIds.IsEmpty ? null : subIds.ToArray();
    }

    public static ObjectIdentifier Empty => default;

    public int Length => _subIds?.Length ?? 0;

    public bool IsEmpty => _subIds is null;

    public uint this[int index] => Span[index];

    public ReadOnlySpan<uint> Span => _subIds;

    public static ObjectIdentifier Parse(string text) =>
        TryParse(text, out var oid) ? oid : throw new FormatException($"'{text}' is not a dotted object identifier.");

    /// <summary>Reads "1.3.6.1" or ".1.3.6.1"; at most 128 sub-identifiers, each at most 2³²−1.</summary>
    public static bool TryParse(string? text, out ObjectIdentifier oid)
    {
        oid = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var s = text.AsSpan();
        if (s[0] == '.')
        {
            s = s[1..];
        }

        Span<uint> buffer = stackalloc uint[MaxLength];
        var count = 0;
        foreach (var range in s.Split('.'))
        {
            var part = s[range];
            if (count == MaxLength || part.IsEmpty || part[0] is '+' or '-' ||
                !uint.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            buffer[count++] = value;
        }

        oid = new ObjectIdentifier(buffer[..count]);
        return true;
    }

    public bool StartsWith(ObjectIdentifier prefix) => Span.StartsWith(prefix.Span);

    public ObjectIdentifier Append(uint subId)
    {
        if (Length >= MaxLength)
        {
            throw new InvalidOperationException($"An OID has at most {MaxLength} sub-identifiers.");
        }

        var next = new uint[Length + 1];
        Span.CopyTo(next);
        next[^1] = subId;
        return new ObjectIdentifier(next);
    }

    /// <summary>This OID with its last sub-identifier removed (empty stays empty).</summary>
    public ObjectIdentifier Parent() => Length <= 1 ? default : new ObjectIdentifier(Span[..^1]);

    public int CompareTo(ObjectIdentifier other) => Span.SequenceCompareTo(other.Span);

    public bool Equals(ObjectIdentifier other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is ObjectIdentifier other && Equals(other);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var subId in Span)
        {
            hash.Add(subId);
        }

        return hash.ToHashCode();
    }

    public override string ToString()
    {
        if (_subIds is null)
        {
            return string.Empty;
        }

        var builder = new StringBuilder(_subIds.Length * 4);
        for (var i = 0; i < _subIds.Length; i++)
        {
            if (i > 0)
            {
                builder.Append('.');
            }

            builder.Append(_subIds[i]);
        }

        return builder.ToString();
    }

    public static bool operator ==(ObjectIdentifier left, ObjectIdentifier right) => left.Equals(right);

    public static bool operator !=(ObjectIdentifier left, ObjectIdentifier right) => !left.Equals(right);

    public static bool operator <(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) < 0;

    public static bool operator >(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) > 0;

    public static bool operator <=(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) <= 0;

    public static bool operator >=(ObjectIdentifier left, ObjectIdentifier right) => left.CompareTo(right) >= 0;
}
