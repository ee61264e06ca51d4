namespace DataCenterOps.Web.Components.Steps.Checklist;

/// <summary>What the "saved" indicator shows.</summary>
public enum SaveState
{
    Idle,
    Saving,
    Saved,
    Failed,
}
