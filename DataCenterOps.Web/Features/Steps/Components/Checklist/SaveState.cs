namespace DataCenterOps.Web.Features.Steps.Components.Checklist;

/// <summary>What the "saved" indicator shows.</summary>
public enum SaveState
{
    Idle,
    Saving,
    Saved,
    Failed,
}
