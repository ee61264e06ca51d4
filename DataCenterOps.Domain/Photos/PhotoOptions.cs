using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Domain.Photos;

/// <summary>Section "Photos": checklist photos, stored by content hash in <c>Storage:DataDirectory/photos</c>.</summary>
public sealed class PhotoOptions
{
    public const string SectionName = "Photos";
    public const long DefaultMaxBytes = 10 * 1024 * 1024;

    /// <summary>The largest upload accepted, in bytes (default 10 MiB; 1 KiB to 100 MiB).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public long MaxBytes { get; set; } = DefaultMaxBytes;
}
