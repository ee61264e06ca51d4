namespace DataCenterOps.Domain.Photos;

/// <summary>The image types a checklist photo may be, recognised by their bytes (never by name or content type).</summary>
public enum PhotoFormat
{
    /// <summary>JPEG/JFIF: starts FF D8 FF.</summary>
    Jpeg,
    /// <summary>PNG: starts 89 50 4E 47 0D 0A 1A 0A.</summary>
    Png,
}
