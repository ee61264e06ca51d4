using System.Security.Cryptography;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Photos;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Domain.Photos;

/// <summary>Photos on disk by content hash: once per content, owner-only, bounded in size, checked against their name.</summary>
public sealed class PhotoStoreTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task TheSamePhotoTwice_IsStoredOnce_UnderItsSha256()
    {
        var store = Store();

        var first = await store.SaveAsync(new MemoryStream(TestPhotos.JpegWithLocation()));
        var second = await store.SaveAsync(new MemoryStream(TestPhotos.JpegWithLocation()));
        var plain = await store.SaveAsync(new MemoryStream(TestPhotos.Jpeg()));

        Assert.Equal(first, second);
        Assert.Equal(first, plain); // the same picture without its metadata is the same photo
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(TestPhotos.Jpeg())) + ".jpg", first);
        var files = Directory.GetFiles(store.Folder);
        Assert.Single(files);
        Assert.Equal(TestPhotos.Jpeg(), await File.ReadAllBytesAsync(files[0]));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files[0]));
        }
    }

    [Fact]
    public async Task APhotoOverTheLimit_IsRefused_AndNothingIsStored()
    {
        var store = Store(maxBytes: 1024);

        var error = await Assert.ThrowsAsync<PhotoRejectedException>(() => store.SaveAsync(new MemoryStream(new byte[4096])));

        Assert.Equal(PhotoRejection.TooLarge, error.Reason);
        Assert.False(Directory.Exists(store.Folder) && Directory.EnumerateFiles(store.Folder).Any());
    }

    [Fact]
    public async Task Check_TellsIntactChangedAndMissing()
    {
        var store = Store();
        var reference = await store.SaveAsync(new MemoryStream(TestPhotos.Png()));

        var intact = PhotoStore.Check(store.Folder, reference);
        await File.WriteAllBytesAsync(Path.Combine(store.Folder, reference), TestPhotos.Jpeg());
        var changed = PhotoStore.Check(store.Folder, reference);
        File.Delete(Path.Combine(store.Folder, reference));
        var missing = PhotoStore.Check(store.Folder, reference);

        Assert.Equal(PhotoCheck.Intact, intact);
        Assert.Equal(PhotoCheck.Changed, changed);
        Assert.Equal(PhotoCheck.Missing, missing);
        Assert.EndsWith(".png", reference, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../dcops.db")]
    [InlineData("photo.jpg")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000.gif")]
    public void ForeignReferences_AreNotStoredOnes(string reference)
    {
        Assert.False(PhotoStore.IsStoredReference(reference));
        Assert.Null(Store().TryRead(reference));
    }

    public void Dispose() => _folder.Dispose();

    private PhotoStore Store(long maxBytes = PhotoOptions.DefaultMaxBytes) =>
        new(Options.Create(new StorageOptions { DataDirectory = _folder.Path }), Options.Create(new PhotoOptions { MaxBytes = maxBytes }));
}
