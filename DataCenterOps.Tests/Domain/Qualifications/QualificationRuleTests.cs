using DataCenterOps.Domain.Assignments;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Qualifications;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Domain.Qualifications;

/// <summary>
/// Kualifikasi Pelaksana: a Surat Tugas cannot name a person who lacks a required qualification valid on all its
/// days, unless the Pengawas overrides with a reason (audited); records are kept by someone other than their holder.
/// </summary>
/// <remarks>Runs on both providers: <c>QualificationRuleTests+Sqlite</c> and <c>QualificationRuleTests+PostgreSql</c>.</remarks>
public abstract class QualificationRuleTests(StorageProvider provider) : IAsyncLifetime
{
    public sealed class Sqlite() : QualificationRuleTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : QualificationRuleTests(StorageProvider.PostgreSql);

    private const string CleanAgent = "Sertifikat Teknisi Pemadam Clean Agent";

    private readonly QualificationOptions _options = new()
    {
        Required = [new RequiredQualification { Kind = CleanAgent, Role = Roles.Inspector, EquipmentKind = EquipmentKind.FireSuppression }],
    };

    private TestDatabase _db = null!;

    private DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(_db.Now, _db.Sop.Zone));

    public async Task InitializeAsync() => _db = await TestDatabase.CreateSopAsync(provider);

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task Draft_IsRefused_NamingThePersonAndTheKind_WhenANamedPemeriksaLacksTheCertificate()
    {
        await RecordAsync(People.Inspector1, CleanAgent, Today.AddDays(-30), Today.AddYears(1));

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => DraftAsync([EquipmentKind.FireSuppression]));

        Assert.Equal(SopError.MissingQualification, error.Code);
        Assert.Equal("QualificationMissing", error.MessageKey);
        Assert.Equal([People.Inspector2, CleanAgent], error.Arguments);
        await using var check = _db.NewContext();
        Assert.Equal(0, await check.AssignmentLetters.CountAsync());
    }

    [Fact]
    public async Task Draft_IsRefused_WhenTheCertificateEndsBeforeTheLetterDoes()
    {
        await RecordAsync(People.Inspector1, CleanAgent, Today.AddDays(-30), Today.AddYears(1));
        await RecordAsync(People.Inspector2, CleanAgent, Today.AddDays(-30), Today.AddDays(3));

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => DraftAsync([EquipmentKind.FireSuppression]));

        Assert.Equal([People.Inspector2, CleanAgent], error.Arguments);
    }

    [Fact]
    public async Task Letter_IsDraftedAndIssued_WhenEveryoneHoldsTheCertificateForTheWholePeriod()
    {
        await RecordAsync(People.Inspector1, CleanAgent, Today.AddDays(-30), Today.AddYears(1));
        await RecordAsync(People.Inspector2, CleanAgent, Today.AddDays(-30), null);

        var letter = await DraftAsync([EquipmentKind.FireSuppression]);
        await using var db = _db.NewContext();
        var issued = await Service(db).IssueAsync(People.Actor(People.Supervisor), letter.Id);

        Assert.Equal(SopState.LetterIssued, issued.State);
        Assert.Null(issued.QualificationOverrideReason);
    }

    [Fact]
    public async Task Requirement_ForOtherEquipment_DoesNotApply()
    {
        var letter = await DraftAsync([EquipmentKind.Ups]);

        Assert.Equal(SopState.LetterDraft, letter.State);
    }

    [Fact]
    public async Task Requirement_OfAnItemInScope_AppliesByItsKind()
    {
        Guid fire;
        await using (var db = _db.NewContext())
        {
            fire = await db.Equipment.Where(e => e.Kind == EquipmentKind.FireSuppression).Select(e => e.Id).FirstAsync();
        }

        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => DraftAsync([], [fire]));

        Assert.Equal("QualificationMissing", error.MessageKey);
    }

    [Fact]
    public async Task PengawasOverride_WithAReason_IsAllowedAndAudited_AtDraftAndIssue()
    {
        var letter = await DraftAsync([EquipmentKind.FireSuppression], overrideReason: "Sertifikat dalam proses perpanjangan; didampingi vendor");
        await using (var db = _db.NewContext())
        {
            await Service(db).IssueAsync(People.Actor(People.Supervisor), letter.Id);
        }

        await using var check = _db.NewContext();
        var stored = await check.AssignmentLetters.SingleAsync();
        var overrides = await check.AuditEntries.Where(a => a.Action == "QualificationOverridden").ToListAsync();
        Assert.Equal(SopState.LetterIssued, stored.State);
        Assert.Equal("Sertifikat dalam proses perpanjangan; didampingi vendor", stored.QualificationOverrideReason);
        Assert.Equal(2, overrides.Count);
        Assert.All(overrides, a => Assert.Equal(People.Supervisor, a.ActorId));
        Assert.All(overrides, a => Assert.Contains(CleanAgent, a.AfterJson, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Issue_IsRefused_WhenARequirementAppearedAfterTheDraft()
    {
        var letter = await DraftAsync([EquipmentKind.Ups]);
        _options.Required.Add(new RequiredQualification { Kind = "K3 Listrik", EquipmentKind = EquipmentKind.Ups });

        await using var db = _db.NewContext();
        var error = await Assert.ThrowsAsync<SopRuleViolationException>(() => Service(db).IssueAsync(People.Actor(People.Supervisor), letter.Id));

        Assert.Equal("QualificationMissing", error.MessageKey);
        Assert.Equal([People.Inspector1, "K3 Listrik"], error.Arguments);
    }

    [Fact]
    public async Task Nobody_RecordsHisOwnQualification_AndAPemeriksaRecordsNone()
    {
        var own = await Assert.ThrowsAsync<SopRuleViolationException>(() => RecordAsync(People.Manager, CleanAgent, Today, null, by: People.Manager));
        var inspector = await Assert.ThrowsAsync<SopRuleViolationException>(() => RecordAsync(People.Inspector2, CleanAgent, Today, null, by: People.Inspector1));

        Assert.Equal("RecordOwnQualification", own.MessageKey);
        Assert.Equal((SopError.WrongRole, "RecordQualificationNeedsRole"), (inspector.Code, inspector.MessageKey));
    }

    [Fact]
    public async Task ScannedFile_IsCheckedByContent_AndKeptOwnerOnlyInTheDataFolder()
    {
        var pdf = "%PDF-1.4\n% sertifikat\n"u8.ToArray();
        var gifNamedPdf = "GIF89a...."u8.ToArray();

        var stored = await RecordAsync(People.Inspector1, CleanAgent, Today, null, file: pdf);
        var refused = await Assert.ThrowsAsync<SopRuleViolationException>(() => RecordAsync(People.Inspector1, CleanAgent, Today, null, file: gifNamedPdf));

        Assert.Equal("QualificationFileType", refused.MessageKey);
        Assert.Equal("application/pdf", stored.FileContentType);
        var path = Path.Combine(_db.Directory, QualificationFiles.FolderName, stored.FileSha256 + ".pdf");
        Assert.Equal(pdf, await File.ReadAllBytesAsync(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        await using var db = _db.NewContext();
        var read = await Records(db).FileAsync(stored.Id);
        Assert.Equal(pdf, read!.Value.Content);
    }

    [Fact]
    public async Task Matrix_ShowsValidExpiringExpiredAndMissing()
    {
        await RecordAsync(People.Inspector1, CleanAgent, Today.AddYears(-1), Today.AddYears(1));
        await RecordAsync(People.Inspector2, CleanAgent, Today.AddYears(-1), Today.AddDays(10));
        await RecordAsync(People.UnnamedInspector, CleanAgent, Today.AddYears(-2), Today.AddDays(-1));

        await using var db = _db.NewContext();
        var matrix = await new QualificationQueries(db, _db.Time, Options.Create(_options), _db.Options).MatrixAsync();

        QualificationState StateOf(string id) => matrix.Rows.Single(r => r.UserId == id).Cells.Single(c => c.Kind == CleanAgent).State;
        Assert.Equal(QualificationState.Valid, StateOf(People.Inspector1));
        Assert.Equal(QualificationState.Expiring, StateOf(People.Inspector2));
        Assert.Equal(QualificationState.Expired, StateOf(People.UnnamedInspector));
        Assert.Equal(QualificationState.Missing, StateOf(People.Manager));
        Assert.DoesNotContain(matrix.Rows, r => r.UserId == People.Operator);
    }

    [Fact]
    public async Task ExpiryNotice_IsDueOnce_AndNotForARenewedRecord()
    {
        var soon = await RecordAsync(People.Inspector1, CleanAgent, Today.AddYears(-1), Today.AddDays(20));
        await RecordAsync(People.Inspector2, CleanAgent, Today.AddYears(-1), Today.AddDays(20));
        await RecordAsync(People.Inspector2, CleanAgent, Today.AddDays(20), Today.AddYears(2));
        await RecordAsync(People.UnnamedInspector, CleanAgent, Today.AddYears(-1), Today.AddDays(60));

        await using var db = _db.NewContext();
        var expiry = new QualificationExpiry(db, _db.Time, Options.Create(_options), _db.Options);
        var due = await expiry.DueAsync();
        await expiry.MarkSentAsync(soon.Id);
        await expiry.MarkSentAsync(soon.Id);

        Assert.Equal([soon.Id], due.Select(d => d.Id));
        Assert.Empty(await expiry.DueAsync());
    }

    private AssignmentLetterService Service(DataCenterOpsDbContext db) =>
        new(db, _db.Time, _db.Options, new AuditLog(db, _db.Time), Options.Create(_options));

    private QualificationService Records(DataCenterOpsDbContext db) =>
        new(db, _db.Time, new AuditLog(db, _db.Time), Options.Create(_options), Options.Create(_db.Storage));

    private async Task<AssignmentLetter> DraftAsync(EquipmentKind[] kinds, Guid[]? equipment = null, string? overrideReason = null)
    {
        await using var db = _db.NewContext();
        return await Service(db).CreateDraftAsync(People.Actor(People.Supervisor), new NewAssignmentLetter(
            "Pemeliharaan sistem pemadam", People.Manager, [People.Inspector1, People.Inspector2], equipment ?? [], kinds, _db.Now.AddHours(1), _db.Now.AddDays(7))
        {
            QualificationOverride = overrideReason,
        });
    }

    private async Task<Qualification> RecordAsync(string userId, string kind, DateOnly from, DateOnly? until, string by = People.Manager, byte[]? file = null)
    {
        await using var db = _db.NewContext();
        return await Records(db).RecordAsync(People.Actor(by), new NewQualification(userId, kind, "BNSP", "No. 123/" + userId, from, until, file));
    }
}
