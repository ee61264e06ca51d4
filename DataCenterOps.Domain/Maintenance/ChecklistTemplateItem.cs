namespace DataCenterOps.Domain.Maintenance;

public sealed class ChecklistTemplateItem
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid TemplateId { get; set; }
    public int Order { get; set; }
    public string Prompt { get; set; } = "";
    public ChecklistItemKind Kind { get; set; }
    public string? Unit { get; set; }
    public double? Min { get; set; }
    public double? Max { get; set; }

    /// <summary>
    /// For a Reading on monitored equipment: the live point (profile point name, e.g. "output.load") whose value the
    /// Pemeriksa may take with one tap. A hint only; what is recorded is still what the Pemeriksa confirms.
    /// </summary>
    public string? MonitoringPoint { get; set; }

    /// <summary>For a <see cref="ChecklistItemKind.Verified"/> item: the rule over monitoring history (<see cref="HistoryRules"/>).</summary>
    public string? HistoryRule { get; set; }

    /// <summary>Photos are never required; other items are unless marked otherwise.</summary>
    public bool Required { get; set; } = true;

    public bool IsOutOfRange(double value) => (Min is { } min && value < min) || (Max is { } max && value > max);

    /// <summary>Beyond what its unit can physically be (<see cref="ReadingLimits"/>), whatever the template's range.</summary>
    public bool IsImplausible(double value) =>
        ReadingLimits.Physical(Unit) is { } limits && (value < limits.Min || value > limits.Max);

    /// <summary>Out of range or implausible: saved only once the Pemeriksa confirms it is what was measured.</summary>
    public bool NeedsConfirmation(double value) => IsOutOfRange(value) || IsImplausible(value);
}
