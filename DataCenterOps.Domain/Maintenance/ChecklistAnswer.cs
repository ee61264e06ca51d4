namespace DataCenterOps.Domain.Maintenance;

/// <summary>The answer to one checklist item; a reading outside its range is flagged.</summary>
public sealed class ChecklistAnswer
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid ExecutionId { get; set; }
    public Guid TemplateItemId { get; set; }
    public ChecklistTemplateItem? TemplateItem { get; set; }
    public PassFailResult? PassFail { get; set; }
    public double? Reading { get; set; }
    public string? Text { get; set; }
    public string? PhotoReference { get; set; }
    public bool IsFlagged { get; set; }

    /// <summary>For a verified item: what monitoring history showed when the Pemeriksa confirmed it.</summary>
    public HistoryVerdict? Verdict { get; set; }

    /// <summary>The evidence as the report carries it (Indonesian), e.g. "terverifikasi dari monitoring: 34 menit pada 41 % — terpenuhi".</summary>
    public string? Evidence { get; set; }

    /// <summary>The evidence's figures as canonical JSON (sorted keys, invariant numbers), e.g. {"load_percent":41,"minutes":34}.</summary>
    public string? EvidenceFigures { get; set; }
    public string AnsweredById { get; set; } = "";
    public DateTime AnsweredAtUtc { get; set; }

    public bool HasValue => PassFail is not null || Reading is not null
        || !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrWhiteSpace(PhotoReference);
}
