using System.Globalization;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Verification;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Web.Features.Access;
using DataCenterOps.Web.Features.Steps.Documents;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Steps.EvidencePack;

/// <summary>
/// Writes the evidence pack of a period as one ZIP for auditors (BPK, Inspektorat, SNI 8799 / ISO 27001): the Surat Tugas
/// issued, the Rencana Kerja published and the Laporan archived in it (PDFs through the same writers as their pages, with
/// their Catatan and photos), the access log (CSV and PDF through the access exporters), the alarm history (CSV through the
/// one CSV writer), and <c>manifest.json</c> (every file's SHA-256 and size, period, generator, chain heads) signed with
/// the evidence key in <c>manifest.hmac</c>. <c>verify-pack</c> checks it offline.
/// </summary>
public sealed partial class EvidencePackBuilder(
    IServiceProvider services, EvidencePackQueries packs, LetterDocumentLoader letters, WorkQueries work, PeopleDirectory people,
    AccessRegisterService register, AlarmService alarms, DocumentVerificationService verification, IOptions<DocumentsOptions> documents,
    Letterhead letterhead, DisplayClock clock, IStringLocalizer<Ui> text, EvidenceKey key)
{
    private const int AlarmPage = 10_000;

    /// <summary>Writes the ZIP to <paramref name="output"/> (left open); reports progress 0…1.</summary>
    public async Task<EvidencePackResult> WriteAsync(
        Actor actor, DateOnly from, DateOnly to, Stream output, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var fromUtc = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var contents = await packs.ContentsAsync(actor, fromUtc, toUtc, cancellationToken);
        var generatedAtUtc = clock.UtcNow.UtcDateTime;
        var files = new List<EvidencePackManifest.FileEntry>();
        var photos = new HashSet<string>(StringComparer.Ordinal);
        var total = contents.LetterIds.Count + contents.PlanIds.Count + contents.ArchiveIds.Count + 3.0;
        var done = 0;
        void Step() => progress?.Report(Math.Min(1, ++done / total));

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, byte[] bytes)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = new DateTimeOffset(generatedAtUtc, TimeSpan.Zero);
                using (var stream = entry.Open())
                {
                    stream.Write(bytes);
                }

                files.Add(new(path, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length));
            }

            foreach (var letterId in contents.LetterIds)
            {
                if (await letters.LoadAsync(letterId, cancellationToken) is { } letter)
                {
                    var stamp = await verification.LetterStampAsync(letterId, cancellationToken);
                    var mark = stamp is null ? null : new VerificationMark(documents.Value.VerifyUrl(stamp.Code), stamp.Fingerprint);
                    Add($"letters/surat-tugas-{FileSafe(letter.Number ?? letterId.ToString())}.pdf", LetterPdf.Write(letter, letterhead, mark));
                }

                Step();
            }

            var names = await people.NamesAsync(cancellationToken);
            foreach (var planId in contents.PlanIds)
            {
                if (await work.PlanDetailAsync(planId, cancellationToken) is { } plan)
                {
                    Add($"plans/rencana-kerja-{planId}.pdf", WorkPlanPdf.Write(plan, names, text, clock, letterhead));
                }

                Step();
            }

            foreach (var archiveId in contents.ArchiveIds)
            {
                if (await ArchivedReportLoader.LoadAsync(services, archiveId, cancellationToken) is { } report)
                {
                    var stamp = await verification.ArchiveStampAsync(archiveId, cancellationToken);
                    var mark = stamp is null ? null : new VerificationMark(documents.Value.VerifyUrl(stamp.Code), stamp.Fingerprint);
                    Add($"reports/laporan-arsip-{archiveId.ToString(CultureInfo.InvariantCulture)}.pdf",
                        ReportPdf.Write(report, text, clock, generatedAtUtc, letterhead, mark));
                    // The photos themselves, by the name the sealed content gives them (their SHA-256).
                    foreach (var (reference, bytes) in (report.Photos ?? new Dictionary<string, byte[]>()).OrderBy(p => p.Key, StringComparer.Ordinal))
                    {
                        if (photos.Add(reference))
                        {
                            Add($"photos/{reference}", bytes);
                        }
                    }
                }

                Step();
            }

            var entries = await register.ExportAsync(actor, new AccessLogFilter(fromUtc, toUtc, null, null), "evidence-pack", cancellationToken);
            Add("access/access-log.csv", AccessCsvExporter.Export(entries, clock, text, CultureInfo.CurrentCulture));
            var subtitle = text["Access.Export.Subtitle", Day(from), Day(to), clock.FormatForFile(generatedAtUtc), entries.Count];
            Add("access/access-log.pdf", AccessPdfExporter.Export(entries, text["Access.Log.Title"], subtitle, clock, text, letterhead));
            Step();

            Add("alarms/alarm-history.csv", await AlarmCsvAsync(fromUtc, toUtc, cancellationToken));
            Step();

            var manifest = new EvidencePackManifest(
                EvidencePackManifest.CurrentFormat,
                new(from, to, clock.Zone.Id, fromUtc, toUtc),
                new("DataCenterOps", Version(), actor.UserId, names.GetValueOrDefault(actor.UserId) ?? actor.UserId, generatedAtUtc),
                [.. contents.Heads.Select(h => new EvidencePackManifest.ChainHead(h.Chain, h.Sequence, h.Mac))],
                files);
            var manifestBytes = manifest.ToJsonBytes();
            var manifestEntry = zip.CreateEntry(EvidencePackManifest.FileName, CompressionLevel.Optimal);
            using (var stream = manifestEntry.Open())
            {
                stream.Write(manifestBytes);
            }

            var signatureEntry = zip.CreateEntry(EvidencePackManifest.SignatureFileName, CompressionLevel.NoCompression);
            using (var stream = signatureEntry.Open())
            {
                stream.Write(System.Text.Encoding.ASCII.GetBytes(key.SignPackManifest(manifestBytes) + "\n"));
            }

            progress?.Report(1);
            return new EvidencePackResult(files.Count, Convert.ToHexStringLower(SHA256.HashData(manifestBytes)), fromUtc, toUtc);
        }
    }

    private async Task<byte[]> AlarmCsvAsync(DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var csv = CsvWriter.For(CultureInfo.CurrentCulture);
        csv.Row(text["EvidencePack.Alarm.Raised"], text["Room.Alarms.Device"], text["EvidencePack.Alarm.Key"], text["Room.Alarms.Severity"],
            text["Room.Alarms.Message"], text["Room.Alarms.AckBy"], text["Room.Alarms.Acknowledged"], text["Room.Alarms.Comment"],
            text["Room.History.Cleared"]);
        var until = new DateTimeOffset(toUtc, TimeSpan.Zero);
        var from = new DateTimeOffset(fromUtc, TimeSpan.Zero);
        while (true)
        {
            // Newest first, a page at a time (the store gives at most 10,000 per read).
            var page = await alarms.GetHistoryAsync(new AlarmHistoryFilter(From: from, To: until, Limit: AlarmPage), cancellationToken);
            foreach (var a in page)
            {
                // Severity and message in the reader's language, as the alarm screens show them.
                csv.Row(clock.Format(a.RaisedAt.UtcDateTime), a.DeviceId, a.Key, text["Room.Severity." + a.Severity], AlarmText.For(text, a),
                    a.AcknowledgedByName ?? a.AcknowledgedBy ?? "", a.AcknowledgedAt is { } ack ? clock.Format(ack.UtcDateTime) : "",
                    a.AcknowledgeComment ?? "", a.ClearedAt is { } cleared ? clock.Format(cleared.UtcDateTime) : "");
            }

            if (page.Count < AlarmPage)
            {
                return csv.ToBytes();
            }

            until = page[^1].RaisedAt;
        }
    }

    private static string Version() =>
        typeof(EvidencePackBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    private static string Day(DateOnly day) => day.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);

    private static string FileSafe(string value) => UnsafeChars().Replace(value, "-");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeChars();
}
