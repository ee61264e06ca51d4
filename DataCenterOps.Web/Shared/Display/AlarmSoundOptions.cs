namespace DataCenterOps.Web.Shared.Display;

/// <summary>Section "Display:AlarmSound": the sound an unacknowledged critical alarm repeats until acknowledged.</summary>
public sealed class AlarmSoundOptions
{
    /// <summary>Off: the screens flash but stay silent.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between repeats of the sound while a critical alarm is unacknowledged (5–3600, checked at start).</summary>
    public int RepeatSeconds { get; set; } = 30;
}
