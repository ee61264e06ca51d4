using System.Text.Json;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.Reports;

/// <summary>Reads a plan with its letter, checklists, submissions and reviews into a <see cref="ReportContent"/>.</summary>
public static class ReportContentBuilder
{
    public static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static async Task<ReportContent> BuildAsync(DataCenterOpsDbContext db, Guid workPlanId, CancellationToken cancellationToken)
    {
        var plan = await db.WorkPlans.AsNoTracking()
            .Include(p => p.Letter)
            .Include(p => p.Items).ThenInclude(i => i.Equipment)
            .Include(p => p.Items).ThenInclude(i => i.Template).ThenInclude(t => t!.Items)
            .Include(p => p.Items).ThenInclude(i => i.Execution).ThenInclude(e => e!.Answers)
            .AsSplitQuery()
            .FirstAsync(p => p.Id == workPlanId, cancellationToken);
        var report = await db.MaintenanceReports.AsNoTracking()
            .Include(r => r.Submissions).Include(r => r.Reviews)
            .FirstOrDefaultAsync(r => r.WorkPlanId == workPlanId, cancellationToken);
        var letter = plan.Letter!;

        var items = plan.Items
            .OrderBy(i => i.PlannedDate).ThenBy(i => i.Equipment!.Name, StringComparer.Ordinal).ThenBy(i => i.Id)
            .Select(i =>
            {
                var templateItems = i.Template!.Items.ToDictionary(t => t.Id);
                var answers = (i.Execution?.Answers ?? [])
                    .Select(a => (a, t: templateItems[a.TemplateItemId]))
                    .OrderBy(x => x.t.Order).ThenBy(x => x.t.Id)
                    .Select(x => new ReportContent.Answer(
                        x.t.Order, x.t.Prompt, x.t.Kind.ToString(), x.a.PassFail?.ToString(), x.a.Reading, x.t.Unit, x.t.Min, x.t.Max,
                        x.a.Text, x.a.PhotoReference, x.a.IsFlagged, x.a.AnsweredById, x.a.AnsweredAtUtc,
                        x.t.HistoryRule, x.a.Verdict?.ToString(), x.a.Evidence, x.a.EvidenceFigures))
                    .ToList();
                return new ReportContent.Item(
                    i.Id, i.Equipment!.Name, i.Equipment.Kind.ToString(), i.Template.Name, i.PlannedDate, i.InspectorId,
                    i.Execution?.StartedAtUtc, i.Execution?.FinishedAtUtc, i.Execution?.Findings, i.Execution?.ActionsTaken, answers);
            })
            .ToList();

        return new ReportContent(
            report?.Id ?? Guid.Empty, plan.Id, letter.Number, letter.Agenda, letter.SupervisorId, letter.ManagerId,
            letter.ValidFromUtc, letter.ValidUntilUtc, plan.Title, items,
            (report?.Submissions ?? []).OrderBy(s => s.Revision)
                .Select(s => new ReportContent.Submission(s.Revision, s.SubmittedById, s.SubmittedAtUtc)).ToList(),
            (report?.Reviews ?? []).OrderBy(r => r.Revision)
                .Select(r => new ReportContent.Review(r.Revision, r.Decision.ToString(), r.Notes, r.ReviewerId, r.ReviewedAtUtc, r.ReviewerStandIn?.ToString())).ToList());
    }

    public static string Serialize(ReportContent content) => JsonSerializer.Serialize(content, Json);

    public static ReportContent? Deserialize(string json) => JsonSerializer.Deserialize<ReportContent>(json, Json);

    /// <summary>The content of a stored record, or null when it no longer parses (a tampered record; its integrity state says so).</summary>
    public static ReportContent? TryDeserialize(string json)
    {
        try
        {
            return Deserialize(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
