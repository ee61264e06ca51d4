namespace DataCenterOps.Domain.Photos;

/// <summary>An upload that is not a photo we keep: not JPEG/PNG by its bytes, truncated or malformed, or too large.</summary>
public sealed class PhotoRejectedException : Exception
{
    public PhotoRejectedException(PhotoRejection reason, string message)
        : base(message) => Reason = reason;

    public PhotoRejectedException()
        : this(PhotoRejection.NotAnImage, "Not a photo.")
    {
    }

    public PhotoRejectedException(string message)
        : this(PhotoRejection.NotAnImage, message)
    {
    }

    public PhotoRejectedException(string message, Exception innerException)
        : base(message, innerException) => Reason = PhotoRejection.NotAnImage;

    public PhotoRejection Reason { get; }
}
