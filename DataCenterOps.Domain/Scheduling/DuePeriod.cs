namespace DataCenterOps.Domain.Scheduling;

/// <summary>The days within which a due check should be done: due on <see cref="Start"/>, done on time up to <see cref="End"/>.</summary>
public readonly record struct DuePeriod(DateOnly Start, DateOnly End)
{
    public bool Contains(DateOnly date) => date >= Start && date <= End;
}
