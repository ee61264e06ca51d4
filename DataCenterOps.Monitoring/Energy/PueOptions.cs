namespace DataCenterOps.Monitoring.Energy;

/// <summary>
/// <c>Monitoring:Pue</c>: which devices measure total facility energy (the utility feed) and which IT energy (UPS
/// outputs for category 1, rack PDUs for category 2). Empty lists mean every <c>PowerMeter</c> device, and every
/// <c>Pdu</c> device (or, without PDUs, every UPS whose profile has <c>output.energy</c>).
/// </summary>
public sealed class PueOptions
{
    public const string SectionName = "Monitoring:Pue";

    public List<string> FacilityMeters { get; set; } = [];

    public List<string> ItMeters { get; set; } = [];
}
