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
    public string AnsweredById { get; set; } = "";
    public DateTime AnsweredAtUtc { get; set; }

    public bool HasValue => PassFail is not null || Reading is not null
        || !string.IsNullOrWhiteSpace(Text) || !string.IsNullOrWhiteSpace(PhotoReference);
}
