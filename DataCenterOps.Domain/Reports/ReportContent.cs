namespace DataCenterOps.Domain.Reports;

/// <summary>
/// The Laporan as a plain, ordered record: what a submission snapshots and what the archive hashes.
/// Property order is declaration order and every list is sorted, so the JSON is canonical.
/// </summary>
public sealed record ReportContent(
    Guid ReportId,
    Guid WorkPlanId,
    string? LetterNumber,
    string Agenda,
    string SupervisorId,
    string ManagerId,
    DateTime ValidFromUtc,
    DateTime ValidUntilUtc,
    string PlanTitle,
    IReadOnlyList<ReportContent.Item> Items,
    IReadOnlyList<ReportContent.Submission> Submissions,
    IReadOnlyList<ReportContent.Review> Reviews)
{
    public sealed record Item(
        Guid ItemId, string Equipment, string EquipmentKind, string Checklist, DateOnly PlannedDate, string InspectorId,
        DateTime? StartedAtUtc, DateTime? FinishedAtUtc, string? Findings, string? ActionsTaken, IReadOnlyList<Answer> Answers);

    /// <summary>
    /// One answer. A verified item adds its rule, verdict, evidence text and figures (left out of the JSON otherwise, so
    /// reports archived before them keep their canonical form and hash).
    /// </summary>
    public sealed record Answer(
        int Order, string Prompt, string Kind, string? PassFail, double? Reading, string? Unit, double? Min, double? Max,
        string? Text, string? PhotoReference, bool IsFlagged, string AnsweredById, DateTime AnsweredAtUtc,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? HistoryRule = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Verdict = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Evidence = null,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? EvidenceFigures = null);

    public sealed record Submission(int Revision, string SubmittedById, DateTime SubmittedAtUtc);

    /// <summary>A decision; <paramref name="StandIn"/> is "Plh" or "Plt" when a stand-in decided (left out of the JSON otherwise).</summary>
    public sealed record Review(
        int Revision, string Decision, string Notes, string ReviewerId, DateTime ReviewedAtUtc,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? StandIn = null);
}
