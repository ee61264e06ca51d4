namespace DataCenterOps.Domain.Scheduling;

/// <summary>
/// One notification, unique on <see cref="DedupeKey"/> (item + escalation level): a job retried or run twice
/// finds the row and sends nothing more. Claimed with a lease before sending, marked when sent.
/// </summary>
public sealed class NotificationRecord
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string DedupeKey { get; set; } = "";
    public string Recipients { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedAtUtc { get; set; }
    public Guid? ClaimToken { get; set; }
    public DateTime? ClaimedUntilUtc { get; set; }
    public DateTime? SentAtUtc { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}
