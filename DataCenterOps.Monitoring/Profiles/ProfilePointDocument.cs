namespace DataCenterOps.Monitoring.Profiles;

/// <summary>One point as written in a profile file.</summary>
internal sealed class ProfilePointDocument
{
    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? Unit { get; set; }

    public string? Oid { get; set; }

    public string? Type { get; set; }

    public string? Table { get; set; }

    public int? Address { get; set; }

    public string? WordOrder { get; set; }

    public int? BitShift { get; set; }

    public int? BitWidth { get; set; }

    public double? Scale { get; set; }

    public double? Offset { get; set; }

    public Dictionary<string, string>? States { get; set; }

    public bool? GenCommSentinels { get; set; }

    public bool? Key { get; set; }
}
