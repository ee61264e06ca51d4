namespace DataCenterOps.Domain.Workflow;

/// <summary>One row of the transition table: from a state, an action by a role leads to a state.</summary>
public sealed record SopTransition(SopState From, SopAction Action, SopState To, string Role);
