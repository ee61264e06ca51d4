namespace DataCenterOps.Domain.Sla;

/// <summary>Due time and overdue state of a step from when it became open.</summary>
public static class SlaClock
{
    public static OpenStep Open(
        StandardTimes times, DateTime nowUtc, SopStep step, Guid letterId, Guid? planId, string title,
        IReadOnlyList<string> responsible, DateTime openedAtUtc)
    {
        DateTime? due = times.For(step) is { } standard ? openedAtUtc + standard : null;
        return new OpenStep(step, letterId, planId, title, responsible, openedAtUtc, due, due is { } d && nowUtc > d);
    }
}
