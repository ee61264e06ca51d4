namespace DataCenterOps.Monitoring.Energy;

/// <summary>
/// PUE over a period (ISO/IEC 30134-2): total facility energy over IT energy, both as counter increases over the same
/// interval (<see cref="CoveredFrom"/>–<see cref="CoveredTo"/>, the part of the period every meter has readings for).
/// <see cref="IsComplete"/> when that interval spans the whole period.
/// </summary>
public sealed record PueFigure(
    DateTimeOffset From,
    DateTimeOffset To,
    DateTimeOffset CoveredFrom,
    DateTimeOffset CoveredTo,
    double FacilityKwh,
    double ItKwh,
    PueCategory Category,
    bool IsComplete)
{
    public double Value => FacilityKwh / ItKwh;

    /// <summary>The category label ISO/IEC 30134-2 asks to show with the figure: "PUE1", "PUE2".</summary>
    public string CategoryLabel => "PUE" + ((int)Category).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
