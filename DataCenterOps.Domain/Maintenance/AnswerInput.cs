namespace DataCenterOps.Domain.Maintenance;

/// <summary>One answer as given; only the field matching the item's kind is used.</summary>
public sealed record AnswerInput(
    PassFailResult? PassFail = null,
    double? Reading = null,
    string? Text = null,
    string? PhotoReference = null);
