namespace DataCenterOps.Domain.Qualifications;

/// <summary>Column lengths of a qualification record.</summary>
public static class QualificationLimits
{
    public const int Kind = 120;
    public const int Issuer = 200;
    public const int Number = 100;
}
