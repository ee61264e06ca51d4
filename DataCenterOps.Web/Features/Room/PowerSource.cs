namespace DataCenterOps.Web.Features.Room;

/// <summary>Where the critical load is fed from right now.</summary>
public enum PowerSource
{
    Unknown,
    Mains,
    Genset,
    Battery,
    Bypass,
}
