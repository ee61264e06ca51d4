namespace DataCenterOps.Domain.Persistence;

/// <summary>A workflow row with an optimistic-concurrency token, renewed on every save that changes it.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
