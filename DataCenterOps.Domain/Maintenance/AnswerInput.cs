namespace DataCenterOps.Domain.Maintenance;

/// <summary>
/// One answer as given; only the field matching the item's kind is used. <paramref name="Confirmed"/>: the Pemeriksa has
/// confirmed a reading outside the item's range or physical limits (<see cref="ChecklistTemplateItem.NeedsConfirmation"/>).
/// </summary>
public sealed record AnswerInput(
    PassFailResult? PassFail = null,
    double? Reading = null,
    string? Text = null,
    string? PhotoReference = null,
    bool Confirmed = false);
