namespace DataCenterOps.Domain.Photos;

/// <summary>Why a photo was refused (each has a <c>Photo.Rejected.&lt;Reason&gt;</c> text in the UI).</summary>
public enum PhotoRejection
{
    /// <summary>Neither JPEG nor PNG by its first bytes.</summary>
    NotAnImage,
    /// <summary>Starts like an image but its structure is cut short or inconsistent.</summary>
    Malformed,
    /// <summary>Larger than <c>Photos:MaxBytes</c>.</summary>
    TooLarge,
}
