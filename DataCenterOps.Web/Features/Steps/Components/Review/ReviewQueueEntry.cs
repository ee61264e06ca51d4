using DataCenterOps.Domain.Reports;

namespace DataCenterOps.Web.Features.Steps.Components.Review;

/// <summary>A Laporan waiting for review, with when it arrived and when the review is due (standard time of step 5).</summary>
public sealed record ReviewQueueEntry(MaintenanceReport Report, DateTime SubmittedAtUtc, DateTime DueAtUtc);
