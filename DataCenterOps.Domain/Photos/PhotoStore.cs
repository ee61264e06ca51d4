using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.Persistence;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Domain.Photos;

/// <summary>
/// Checklist photos on disk, by content: <c>Storage:DataDirectory/photos/&lt;sha256&gt;.jpg|png</c>, owner-only (0600),
/// written once. The answer's <c>PhotoReference</c> is that file name, so the photo's hash is part of the report's
/// canonical content and its keyed seal; <see cref="Check"/> tells whether the file still has that hash.
/// </summary>
public sealed partial class PhotoStore(IOptions<StorageOptions> storage, IOptions<PhotoOptions> options)
{
    public const string FolderName = "photos";

    public long MaxBytes => options.Value.MaxBytes;

    public string Folder => FolderOf(storage.Value);

    public static string FolderOf(StorageOptions storage) => Path.Combine(Path.GetFullPath(storage.DataDirectory), FolderName);

    /// <summary>A reference this store wrote (<c>64 hex.jpg</c> or <c>.png</c>); older free-text references are not.</summary>
    public static bool IsStoredReference(string? reference) => reference is not null && Reference().IsMatch(reference);

    public static string ContentType(string reference) => reference.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "image/jpeg";

    /// <summary>Reads at most <see cref="MaxBytes"/> from <paramref name="upload"/>, checks and cleans it, stores it once; its reference.</summary>
    public async Task<string> SaveAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var bytes = await ReadBoundedAsync(upload, MaxBytes, cancellationToken);
        var (format, clean) = PhotoSanitizer.Sanitize(bytes);
        var reference = Convert.ToHexStringLower(SHA256.HashData(clean)) + (format == PhotoFormat.Png ? ".png" : ".jpg");
        var path = Path.Combine(Folder, reference);
        if (File.Exists(path))
        {
            return reference; // the same photo twice is stored once
        }

        PrivateFile.EnsureDirectory(Folder);
        var temporary = Path.Combine(Folder, $".{Guid.NewGuid():N}.tmp");
        PrivateFile.Ensure(temporary);
        await File.WriteAllBytesAsync(temporary, clean, cancellationToken);
        try
        {
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary); // another upload of the same photo won
        }

        return reference;
    }

    /// <summary>The stored bytes of a reference this store wrote, or null (unknown reference, missing file).</summary>
    public byte[]? TryRead(string? reference) =>
        IsStoredReference(reference) && File.Exists(Path.Combine(Folder, reference!)) ? File.ReadAllBytes(Path.Combine(Folder, reference!)) : null;

    /// <summary>Whether the file of <paramref name="reference"/> is there and still has the hash its name (and the sealed report) holds.</summary>
    public static PhotoCheck Check(string folder, string reference)
    {
        var path = Path.Combine(folder, reference);
        if (!File.Exists(path))
        {
            return PhotoCheck.Missing;
        }

        using var stream = File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return reference.StartsWith(hash, StringComparison.Ordinal) ? PhotoCheck.Intact : PhotoCheck.Changed;
    }

    private static async Task<byte[]> ReadBoundedAsync(Stream upload, long max, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (memory.Length + read > max)
            {
                throw new PhotoRejectedException(PhotoRejection.TooLarge, $"The photo is larger than {max} bytes (Photos:MaxBytes).");
            }

            memory.Write(buffer, 0, read);
        }

        return memory.ToArray();
    }

    [GeneratedRegex("^[0-9a-f]{64}\\.(jpg|png)$")]
    private static partial Regex Reference();
}
