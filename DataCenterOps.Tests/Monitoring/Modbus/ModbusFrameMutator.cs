using System.Buffers.Binary;

namespace DataCenterOps.Tests.Monitoring.Modbus;

/// <summary>Seeded damage to reply frames, aimed at the fields a Modbus decoder trusts (lengths, ids, counts).</summary>
internal static class ModbusFrameMutator
{
    private static readonly byte[] Interesting = [0x00, 0x01, 0x02, 0x03, 0x7D, 0x7E, 0x7F, 0x80, 0x81, 0xFA, 0xFD, 0xFE, 0xFF];

    public static byte[] Mutate(Random random, byte[] frame, IReadOnlyList<byte[]> corpus)
    {
        var rounds = 1 + random.Next(3);
        var bytes = frame;
        for (var i = 0; i < rounds; i++)
        {
            bytes = MutateOnce(random, bytes, corpus);
        }

        return bytes;
    }

    private static byte[] MutateOnce(Random random, byte[] frame, IReadOnlyList<byte[]> corpus)
    {
        var bytes = (byte[])frame.Clone();
        switch (random.Next(12))
        {
            case 0 when bytes.Length > 0: // flip one bit
                bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
                return bytes;
            case 1 when bytes.Length > 0: // an edge value anywhere
                bytes[random.Next(bytes.Length)] = Interesting[random.Next(Interesting.Length)];
                return bytes;
            case 2: // truncate
                return bytes[..random.Next(bytes.Length + 1)];
            case 3: // trailing junk
                return [.. bytes, .. RandomBytes(random, 1 + random.Next(8))];
            case 4 when bytes.Length >= 6: // MBAP length near the truth or wild
                var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(4));
                BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(4), random.Next(3) == 0 ? (ushort)random.Next(0x10000) : (ushort)(length + random.Next(-3, 4)));
                return bytes;
            case 5 when bytes.Length >= 9: // byte count near the truth or wild
                bytes[8] = random.Next(3) == 0 ? (byte)random.Next(256) : (byte)(bytes[8] + random.Next(-2, 3));
                return bytes;
            case 6 when bytes.Length >= 2: // transaction id off by a little
                BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(BinaryPrimitives.ReadUInt16BigEndian(bytes) + random.Next(-2, 3)));
                return bytes;
            case 7 when bytes.Length >= 8: // function code: another read, or the exception flag
                bytes[7] = random.Next(2) == 0 ? (byte)(1 + random.Next(4)) : (byte)(bytes[7] ^ 0x80);
                return bytes;
            case 8 when bytes.Length > 1: // drop a byte
                var drop = random.Next(bytes.Length);
                return [.. bytes[..drop], .. bytes[(drop + 1)..]];
            case 9: // insert a byte
                var at = random.Next(bytes.Length + 1);
                return [.. bytes[..at], (byte)random.Next(256), .. bytes[at..]];
            case 10: // splice with another captured frame
                var other = corpus[random.Next(corpus.Count)];
                var cut = random.Next(Math.Min(bytes.Length, other.Length) + 1);
                return [.. bytes[..cut], .. other[cut..]];
            default: // noise
                return RandomBytes(random, random.Next(300));
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
