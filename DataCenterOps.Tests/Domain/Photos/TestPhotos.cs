using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace DataCenterOps.Tests.Domain.Photos;

/// <summary>
/// Photos as cameras write them, built here byte by byte: a real 16 × 12 baseline JPEG (made once with ImageMagick,
/// metadata stripped), the same with an Exif APP1 holding GPS tags and an XMP APP1 holding a location, and PNGs
/// assembled chunk by chunk with their own CRC-32 (independent of the code under test).
/// </summary>
internal static class TestPhotos
{
    /// <summary>convert -size 16x12 gradient:red-blue -strip -quality 80 photo.jpg</summary>
    public static byte[] Jpeg() => Convert.FromBase64String("/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAYEBQYFBAYGBQYHBwYIChAKCgkJChQODwwQFxQYGBcUFhYaHSUfGhsjHBYWICwgIyYnKSopGR8tMC0oMCUoKSj/2wBDAQcHBwoIChMKChMoGhYaKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCgoKCj/wAARCAAMABADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAYH/8QAGRAAAQUAAAAAAAAAAAAAAAAAAAITFVFh/8QAFQEBAQAAAAAAAAAAAAAAAAAABgf/xAAXEQADAQAAAAAAAAAAAAAAAAAABBZh/9oADAMBAAIRAxEAPwDJpDRIaTDy7Dy7KNAK4KrdjT//2Q==");

    /// <summary>Latitude 0° 30' 12.34" S, as a phone in Samarinda would record it.</summary>
    public static readonly byte[] GpsLatitude = [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 30, 0, 0, 0, 1, 0, 0, 0x04, 0xD2, 0, 0, 0, 100];

    public const string XmpLocation = "exif:GPSLatitude=\"0,30.2057S\"";

    /// <summary><see cref="Jpeg"/> with an Exif APP1 (IFD0 → GPS IFD with GPSLatitudeRef "S" and GPSLatitude) and an XMP APP1 after APP0.</summary>
    public static byte[] JpegWithLocation()
    {
        var jpeg = Jpeg();
        var app0End = 2 + 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(4, 2));
        using var output = new MemoryStream();
        output.Write(jpeg.AsSpan(0, app0End));
        output.Write(Segment(0xE1, ExifWithGps()));
        output.Write(Segment(0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes($"<x:xmpmeta><rdf:Description {XmpLocation}/></x:xmpmeta>")]));
        output.Write(jpeg.AsSpan(app0End));
        return output.ToArray();
    }

    private static byte[] ExifWithGps()
    {
        var tiff = new List<byte>();
        tiff.AddRange("MM"u8.ToArray());
        tiff.AddRange(U16(42));
        tiff.AddRange(U32(8));
        // IFD0 at 8: one entry, GPSInfo (0x8825, LONG) pointing at the GPS IFD at 26.
        tiff.AddRange(U16(1));
        tiff.AddRange([.. U16(0x8825), .. U16(4), .. U32(1), .. U32(26)]);
        tiff.AddRange(U32(0));
        // GPS IFD at 26: GPSLatitudeRef (ASCII "S") and GPSLatitude (3 RATIONAL at 56).
        tiff.AddRange(U16(2));
        tiff.AddRange([.. U16(0x0001), .. U16(2), .. U32(2), (byte)'S', 0, 0, 0]);
        tiff.AddRange([.. U16(0x0002), .. U16(5), .. U32(3), .. U32(56)]);
        tiff.AddRange(U32(0));
        tiff.AddRange(GpsLatitude);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    /// <summary>A 2 × 1 greyscale PNG with the given extra chunks between IHDR and IDAT.</summary>
    public static byte[] Png(params (string Type, byte[] Data)[] extra)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        output.Write(Chunk("IHDR", [.. U32(2), .. U32(1), 8, 0, 0, 0, 0]));
        foreach (var (type, data) in extra)
        {
            output.Write(Chunk(type, data));
        }

        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write([0, 0x40, 0xC0]); // filter 0, two grey pixels
        }

        output.Write(Chunk("IDAT", pixels.ToArray()));
        output.Write(Chunk("IEND", []));
        return output.ToArray();
    }

    public static byte[] Chunk(string type, byte[] data)
    {
        var typeBytes = Encoding.ASCII.GetBytes(type);
        return [.. U32((uint)data.Length), .. typeBytes, .. data, .. U32(Crc([.. typeBytes, .. data]))];
    }

    private static byte[] Segment(byte marker, byte[] payload) => [0xFF, marker, .. U16((ushort)(payload.Length + 2)), .. payload];

    private static byte[] U16(ushort value)
    {
        var bytes = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    /// <summary>CRC-32 (reflected, polynomial 0xEDB88320), bit by bit.</summary>
    private static uint Crc(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
