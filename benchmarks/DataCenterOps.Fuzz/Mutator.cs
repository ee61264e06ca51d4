namespace DataCenterOps.Fuzz;

/// <summary>
/// AFL-style havoc on one input of the corpus: bit flips, interesting bytes (BER tags and length forms, Modbus
/// function codes), lying length bytes, cuts, duplicated runs and splices with another entry; now and then pure noise
/// that starts like a SEQUENCE. Deterministic for a seed.
/// </summary>
internal sealed class Mutator(Random random, int maxLength)
{
    private static readonly byte[] Interesting =
        [0x00, 0x01, 0x02, 0x03, 0x04, 0x06, 0x07, 0x30, 0x40, 0x43, 0x46, 0x7F, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0xA2, 0xA4, 0xA6, 0xA7, 0xA8, 0xFF];

    public byte[] Mutate(IReadOnlyList<byte[]> corpus)
    {
        if (random.Next(16) == 0)
        {
            var noise = new byte[random.Next(0, Math.Min(300, maxLength) + 1)];
            random.NextBytes(noise);
            if (noise.Length > 0 && random.Next(2) == 0)
            {
                noise[0] = 0x30;
            }

            return noise;
        }

        var data = new List<byte>(corpus[random.Next(corpus.Count)]);
        var edits = 1 << random.Next(4);
        for (var e = 0; e < edits && data.Count > 0; e++)
        {
            Edit(data, corpus);
        }

        return data.Count > maxLength ? [.. data.GetRange(0, maxLength)] : [.. data];
    }

    private void Edit(List<byte> data, IReadOnlyList<byte[]> corpus)
    {
        var at = random.Next(data.Count);
        switch (random.Next(9))
        {
            case 0:
                data[at] ^= (byte)(1 << random.Next(8));
                break;
            case 1:
                data[at] = Interesting[random.Next(Interesting.Length)];
                break;
            case 2:
                data[at] = (byte)(data[at] + random.Next(-8, 9));
                break;
            case 3:
                data.RemoveRange(at, random.Next(1, Math.Min(8, data.Count - at) + 1));
                break;
            case 4:
                // A length that lies: one byte, or the long form claiming far more than is there.
                data[at] = (byte)random.Next(256);
                if (random.Next(3) == 0)
                {
                    data.InsertRange(at, [0x84, 0xFF, 0xFF, 0xFF]);
                }

                break;
            case 5:
                data.RemoveRange(at, data.Count - at);
                break;
            case 6:
                var other = corpus[random.Next(corpus.Count)];
                if (other.Length > 0)
                {
                    data.RemoveRange(at, data.Count - at);
                    data.AddRange(other.AsSpan(random.Next(other.Length)).ToArray());
                }

                break;
            case 7:
                data.Insert(at, (byte)random.Next(256));
                break;
            default:
                var length = random.Next(1, Math.Min(16, data.Count - at) + 1);
                data.InsertRange(at, data.GetRange(at, length));
                break;
        }
    }
}
