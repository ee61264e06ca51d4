using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// Section "Evidence": where the signing key of the evidence chains comes from and where the local anchors are kept.
/// Neither is ever in the database.
/// </summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    /// <summary>The HMAC key itself, base64 (at least 32 bytes): for several nodes sharing one key. Wins over <see cref="KeyFile"/>.</summary>
    public string? Key { get; set; }

    /// <summary>The key file (Data Protection–protected); relative to Storage:DataDirectory. Created at first start.</summary>
    public string KeyFile { get; set; } = "evidence.key";

    /// <summary>Append-only log of chain heads, each line signed; relative to Storage:DataDirectory.</summary>
    public string AnchorFile { get; set; } = "evidence-anchors.log";

    public string KeyFilePath(StorageOptions storage) => Path.Combine(Path.GetFullPath(storage.DataDirectory), KeyFile);

    public string AnchorFilePath(StorageOptions storage) => Path.Combine(Path.GetFullPath(storage.DataDirectory), AnchorFile);

    /// <summary>Where ASP.NET Core Data Protection keeps its key ring (the same folder the web app uses, outside the database).</summary>
    public static string DataProtectionKeysPath(StorageOptions storage) => Path.Combine(Path.GetFullPath(storage.DataDirectory), "keys");

    public override string ToString() => $"Evidence(Key={(string.IsNullOrEmpty(Key) ? "file" : "***")}, KeyFile={KeyFile}, AnchorFile={AnchorFile})";
}
