namespace DataCenterOps.Domain.Qualifications;

/// <summary>People × kinds on one day: each cell the state and the record behind it (the one valid longest).</summary>
public sealed record QualificationMatrix(DateOnly On, IReadOnlyList<string> Kinds, IReadOnlyList<QualificationMatrix.Row> Rows)
{
    public sealed record Row(string UserId, string Name, IReadOnlyList<string> Roles, IReadOnlyList<Cell> Cells);

    public sealed record Cell(string Kind, QualificationState State, DateOnly? ValidUntil, Guid? QualificationId);
}
