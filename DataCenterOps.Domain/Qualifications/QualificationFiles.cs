using System.Security.Cryptography;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;

namespace DataCenterOps.Domain.Qualifications;

/// <summary>
/// Scanned certificates: the type is decided by the content (PDF, JPEG, PNG), never by the name a browser sends; each
/// file is kept once, by its SHA-256, owner-only in <c>Storage:DataDirectory/qualifications</c>.
/// </summary>
public static class QualificationFiles
{
    public const string FolderName = "qualifications";

    private static readonly byte[] s_pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] s_png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] s_jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The content type the bytes really are, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> content) =>
        content.StartsWith(s_pdf) ? "application/pdf"
        : content.StartsWith(s_png) ? "image/png"
        : content.StartsWith(s_jpeg) ? "image/jpeg"
        : null;

    public static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        _ => ".jpg",
    };

    public static string PathOf(StorageOptions storage, string sha256, string contentType) =>
        Path.Combine(Path.GetFullPath(storage.DataDirectory), FolderName, sha256 + Extension(contentType));

    /// <summary>Checks and stores the file; returns its hash and type. Storing the same file twice is one file.</summary>
    public static async Task<(string Sha256, string ContentType)> StoreAsync(
        StorageOptions storage, byte[] content, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length > maxBytes)
        {
            throw new SopRuleViolationException(SopError.InvalidInput, $"The file is larger than {maxBytes / 1024} KiB.", "QualificationFileTooLarge", maxBytes / 1024);
        }

        var type = Sniff(content) ?? throw new SopRuleViolationException(SopError.InvalidInput,
            "The file is not a PDF, JPEG or PNG.", "QualificationFileType");
        var hash = Convert.ToHexStringLower(SHA256.HashData(content));
        var path = PathOf(storage, hash, type);
        if (!File.Exists(path))
        {
            var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
            PrivateFile.Ensure(temporary);
            await File.WriteAllBytesAsync(temporary, content, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }

        return (hash, type);
    }
}
