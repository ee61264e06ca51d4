namespace DataCenterOps.Domain.Photos;

/// <summary>A stored photo against the hash its reference (and the sealed report) holds.</summary>
public enum PhotoCheck
{
    Intact,
    Missing,
    Changed,
}
