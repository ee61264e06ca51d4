namespace DataCenterOps.Monitoring.Alarms;

/// <summary>The fire panel states of the shipped fire-panel profile (point <c>panel.state</c>).</summary>
public enum FirePanelState
{
    Normal,
    PreAlarm,
    Alarm,
    Released,
    Fault,
    Disabled,
}
