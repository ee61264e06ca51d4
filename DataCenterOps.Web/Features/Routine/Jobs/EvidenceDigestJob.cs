using System.Globalization;
using System.Text;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Web.Features.Routine.Notifications;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Jobs;

/// <summary>
/// The daily evidence digest to the Pengawas: each chain's state and head (sequence and seal), anchored outside the
/// database in their mailboxes and in the anchor file. Sent once per day (dedupe key), safe to run twice.
/// </summary>
public sealed partial class EvidenceDigestJob(
    EvidenceDigest digest, NotificationService notifications, IOptions<SopOptions> sop, TimeProvider time,
    ILogger<EvidenceDigestJob> logger)
{
    public async Task<bool> RunAsync(CancellationToken cancellationToken)
    {
        var chains = await digest.VerifyAndAnchorAsync("digest", cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, sop.Value.Zone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var intact = chains.All(c => c.IsIntact);
        var body = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Evidence chains of DataCenterOps on {day} ({now:yyyy-MM-dd HH:mm} UTC):")
            .AppendLine();
        foreach (var chain in chains)
        {
            body.AppendLine(chain.Line)
                .AppendLine(CultureInfo.InvariantCulture, $"  head #{chain.Head.Sequence} {chain.Head.Mac}");
        }

        body.AppendLine()
            .AppendLine("Keep this mail: it records how far each chain reached today. If a later check shows a head behind")
            .AppendLine("these numbers, or a different seal at the same number, the evidence was deleted or rewritten.");
        if (!intact)
        {
            LogTampered(string.Join("; ", chains.Where(c => !c.IsIntact).Select(c => c.Line)));
        }

        var subject = intact
            ? $"[DataCenterOps] Evidence digest {day}: intact"
            : $"[DataCenterOps] Evidence digest {day}: TAMPERED";
        return await notifications.SendOnceToRoleAsync($"evidence-digest:{day}", Roles.Supervisor, subject, body.ToString(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Evidence verification failed: {Lines}")]
    private partial void LogTampered(string lines);
}
