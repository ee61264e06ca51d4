using System.Buffers.Binary;

namespace DataCenterOps.Domain.Photos;

/// <summary>
/// Recognises a JPEG or PNG by its bytes, walks its segment/chunk structure strictly and returns a copy without the
/// metadata that can carry the place (and the camera, the owner, the time): JPEG APP1 (Exif, XMP), APP13 (IPTC), the
/// other application segments except APP0 (JFIF), APP2 (ICC colour) and APP14 (Adobe colour transform), comments and
/// anything after EOI; PNG eXIf, tEXt, zTXt, iTXt and tIME chunks and anything after IEND. Image data is copied as is.
/// A file cut short, a length that overruns the file, or a missing frame/IHDR/IEND is rejected (typed error).
/// </summary>
public static class PhotoSanitizer
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static PhotoFormat? Recognise(ReadOnlySpan<byte> data) =>
        data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF ? PhotoFormat.Jpeg
        : data.StartsWith(PngSignature) ? PhotoFormat.Png
        : null;

    public static (PhotoFormat Format, byte[] Clean) Sanitize(ReadOnlySpan<byte> data) => Recognise(data) switch
    {
        PhotoFormat.Jpeg => (PhotoFormat.Jpeg, Jpeg(data)),
        PhotoFormat.Png => (PhotoFormat.Png, Png(data)),
        _ => throw new PhotoRejectedException(PhotoRejection.NotAnImage, "The file is neither a JPEG nor a PNG image."),
    };

    private static byte[] Jpeg(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(data[..2]); // SOI
        var position = 2;
        var sawFrame = false;
        while (true)
        {
            if (position + 2 > data.Length || data[position] != 0xFF)
            {
                throw Malformed("JPEG: expected a marker at byte " + position);
            }

            // Fill bytes (FF FF ...) may precede a marker.
            while (position + 1 < data.Length && data[position + 1] == 0xFF)
            {
                position++;
            }

            if (position + 2 > data.Length)
            {
                throw Malformed("JPEG: cut short before a marker");
            }

            var marker = data[position + 1];
            if (marker == 0xD9)
            {
                if (!sawFrame)
                {
                    throw Malformed("JPEG: no frame before the end of image");
                }

                output.Write(data.Slice(position, 2)); // EOI; anything after it is dropped
                return output.ToArray();
            }

            if (marker is 0x00 or 0xD8 || marker is >= 0xD0 and <= 0xD7 || marker == 0x01)
            {
                throw Malformed($"JPEG: unexpected marker FF {marker:X2} at byte {position}");
            }

            if (position + 4 > data.Length)
            {
                throw Malformed("JPEG: segment length cut short");
            }

            // The length counts its own two bytes and the segment's payload (ITU T.81 B.1.1.4).
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(position + 2, 2));
            if (length < 2 || position + 2 + length > data.Length)
            {
                throw Malformed($"JPEG: segment FF {marker:X2} at byte {position} claims {length} bytes beyond the file");
            }

            var segment = data.Slice(position, 2 + length);
            position += 2 + length;
            if (marker is >= 0xC0 and <= 0xCF && marker is not 0xC4 and not 0xC8 and not 0xCC)
            {
                sawFrame = true;
            }

            if (KeepJpegSegment(marker))
            {
                output.Write(segment);
            }

            if (marker != 0xDA)
            {
                continue;
            }

            // Start of scan: entropy-coded data up to the next marker that is not a stuffed 00 or a restart marker.
            if (!sawFrame)
            {
                throw Malformed("JPEG: scan before any frame header");
            }

            var start = position;
            while (true)
            {
                if (position + 1 >= data.Length)
                {
                    throw Malformed("JPEG: image data cut short (no end-of-image marker)");
                }

                if (data[position] == 0xFF && data[position + 1] is not 0x00 and not 0xFF && data[position + 1] is < 0xD0 or > 0xD7)
                {
                    break;
                }

                position++;
            }

            output.Write(data[start..position]);
        }
    }

    /// <summary>APP0 (JFIF), APP2 (ICC profile), APP14 (Adobe) and every non-APP, non-comment segment stay.</summary>
    private static bool KeepJpegSegment(byte marker) => marker switch
    {
        0xE0 or 0xE2 or 0xEE => true,
        >= 0xE0 and <= 0xEF => false,
        0xFE => false,
        _ => true,
    };

    private static byte[] Png(ReadOnlySpan<byte> data)
    {
        using var output = new MemoryStream(data.Length);
        output.Write(PngSignature);
        var position = PngSignature.Length;
        var first = true;
        while (true)
        {
            if (position + 12 > data.Length)
            {
                throw Malformed("PNG: cut short (no IEND chunk)");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(position, 4));
            if (length > int.MaxValue || position + 12L + length > data.Length)
            {
                throw Malformed($"PNG: chunk at byte {position} claims {length} bytes beyond the file");
            }

            var chunk = data.Slice(position, 12 + (int)length);
            var type = chunk.Slice(4, 4);
            var expected = BinaryPrimitives.ReadUInt32BigEndian(chunk[^4..]);
            if (Crc32(chunk[4..^4]) != expected)
            {
                throw Malformed($"PNG: chunk at byte {position} fails its CRC");
            }

            if (first && (!type.SequenceEqual("IHDR"u8) || length != 13))
            {
                throw Malformed("PNG: the first chunk is not IHDR");
            }

            first = false;
            position += chunk.Length;
            if (!IsPngMetadata(type))
            {
                output.Write(chunk);
            }

            if (type.SequenceEqual("IEND"u8))
            {
                return output.ToArray(); // anything after IEND is dropped
            }
        }
    }

    private static bool IsPngMetadata(ReadOnlySpan<byte> type) =>
        type.SequenceEqual("eXIf"u8) || type.SequenceEqual("tEXt"u8) || type.SequenceEqual("zTXt"u8)
        || type.SequenceEqual("iTXt"u8) || type.SequenceEqual("tIME"u8);

    private static PhotoRejectedException Malformed(string message) => new(PhotoRejection.Malformed, message);

    private static readonly uint[] s_crcTable = CrcTable();

    private static uint[] CrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    /// <summary>The CRC-32 of PNG (ISO 3309 / ITU-T V.42) over chunk type and data.</summary>
    internal static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = s_crcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }
}
