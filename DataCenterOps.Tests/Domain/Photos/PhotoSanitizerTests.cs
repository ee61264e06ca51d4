using System.Text;
using DataCenterOps.Domain.Photos;
using PdfSharp.Drawing;

namespace DataCenterOps.Tests.Domain.Photos;

/// <summary>The photo parser: JPEG and PNG recognised by their bytes, location metadata gone, anything else refused with a typed error.</summary>
public sealed class PhotoSanitizerTests
{
    [Fact]
    public void Jpeg_WithExifGpsAndXmp_ComesOutWithoutThem_AndOtherwiseUnchanged()
    {
        var withLocation = TestPhotos.JpegWithLocation();

        var (format, clean) = PhotoSanitizer.Sanitize(withLocation);

        Assert.Equal(PhotoFormat.Jpeg, format);
        Assert.True(withLocation.AsSpan().IndexOf(TestPhotos.GpsLatitude) > 0, "the test photo carries GPS tags");
        Assert.Equal(-1, clean.AsSpan().IndexOf(TestPhotos.GpsLatitude));
        Assert.Equal(-1, clean.AsSpan().IndexOf("Exif\0\0"u8));
        Assert.DoesNotContain(TestPhotos.XmpLocation, Encoding.Latin1.GetString(clean), StringComparison.Ordinal);
        Assert.Equal(TestPhotos.Jpeg(), clean);
    }

    [Fact]
    public void CleanedJpeg_IsStillAnImage()
    {
        var (_, clean) = PhotoSanitizer.Sanitize(TestPhotos.JpegWithLocation());

        using var image = XImage.FromStream(new MemoryStream(clean));

        Assert.Equal(16, image.PixelWidth);
        Assert.Equal(12, image.PixelHeight);
    }

    [Fact]
    public void Png_LosesItsTextExifAndTimeChunks_AndKeepsTheImage()
    {
        var withText = TestPhotos.Png(
            ("tEXt", [.. "Location\0"u8, .. "Samarinda -0.50"u8]),
            ("iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(TestPhotos.XmpLocation)]),
            ("eXIf", [.. "MM\0*"u8, 0, 0, 0, 8, 0, 0]),
            ("zTXt", [.. "Comment\0\0"u8, 0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]),
            ("tIME", [0x07, 0xEA, 12, 1, 10, 0, 0]));

        var (format, clean) = PhotoSanitizer.Sanitize(withText);

        Assert.Equal(PhotoFormat.Png, format);
        Assert.Equal(TestPhotos.Png(), clean);
    }

    [Theory]
    [InlineData("plain text pretending to be a photo.jpg")]
    [InlineData("GIF89a\u0001\u0000\u0001\u0000")]
    [InlineData("%PDF-1.7")]
    [InlineData("")]
    public void NonImages_AreRefused(string content)
    {
        var error = Assert.Throws<PhotoRejectedException>(() => PhotoSanitizer.Sanitize(Encoding.Latin1.GetBytes(content)));

        Assert.Equal(PhotoRejection.NotAnImage, error.Reason);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20)]
    [InlineData(150)]
    [InlineData(-2)]
    public void TruncatedJpeg_IsRefused(int keep)
    {
        var jpeg = TestPhotos.Jpeg();
        var cut = jpeg[..(keep > 0 ? keep : jpeg.Length + keep)];

        var error = Assert.Throws<PhotoRejectedException>(() => PhotoSanitizer.Sanitize(cut));

        Assert.Equal(PhotoRejection.Malformed, error.Reason);
    }

    [Fact]
    public void Jpeg_WhoseSegmentLengthOverrunsTheFile_IsRefused()
    {
        var jpeg = TestPhotos.Jpeg();
        jpeg[4] = 0xFF; // APP0 claims 65,000 bytes
        jpeg[5] = 0xF0;

        var error = Assert.Throws<PhotoRejectedException>(() => PhotoSanitizer.Sanitize(jpeg));

        Assert.Equal(PhotoRejection.Malformed, error.Reason);
    }

    [Fact]
    public void Jpeg_WithoutAFrame_IsRefused()
    {
        byte[] noFrame = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xD9];

        Assert.Throws<PhotoRejectedException>(() => PhotoSanitizer.Sanitize(noFrame));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(20)]
    [InlineData(-5)]
    public void TruncatedPng_IsRefused(int keep)
    {
        var png = TestPhotos.Png();
        var cut = png[..(keep > 0 ? keep : png.Length + keep)];

        var error = Assert.Throws<PhotoRejectedException>(() => PhotoSanitizer.Sanitize(cut));

        Assert.Equal(PhotoRejection.Malformed, error.Reason);
    }

    [Fact]
    public void Png_WithAWrongCrc_OrNoIhdrFirst_IsRefused()
    {
        var png = TestPhotos.Png();
        png[30] ^= 0xFF; // inside IHDR's CRC
        byte[] noIhdr = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. TestPhotos.Chunk("IEND", [])];

        Assert.Throws<PhotoRejectedException>(() => PhotoSanitizer.Sanitize(png));
        Assert.Throws<PhotoRejectedException>(() => PhotoSanitizer.Sanitize(noIhdr));
    }
}
