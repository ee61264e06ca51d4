using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Monitoring.Alarms.Incidents;

/// <summary>Section "Notifications": when alarms are notified, escalated, called flapping. The channels are the host's.</summary>
public sealed class AlarmNotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary>A notified alarm or incident nobody has acknowledged after this long is escalated (once) to the Pengawas.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Send a message when an alarm clears or an incident is resolved.</summary>
    public bool SendRecovery { get; set; } = true;

    /// <summary>An alarm that changes state (raised or cleared) more than this many times …</summary>
    [Range(2, 1000)]
    public int FlapChanges { get; set; } = 6;

    /// <summary>… within this window is flapping; it settles when it has not changed for as long.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan FlapWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often windows, flapping and escalations are re-checked.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}
