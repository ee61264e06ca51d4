namespace DataCenterOps.Domain.Access;

/// <summary>A Supervisor's or Administrator's correction of an entry; null fields stay as they are.</summary>
public sealed record EntryCorrection(DateTime? InAtUtc, DateTime? OutAtUtc, string? Purpose, string Reason);
