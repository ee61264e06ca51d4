using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Tests.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Tests.Domain;

/// <summary>The database itself refuses UPDATE and DELETE on evidence (SQLite triggers), whatever code writes to it.</summary>
/// <remarks>Runs on both providers: <c>EvidenceTriggerTests+Sqlite</c> and <c>EvidenceTriggerTests+PostgreSql</c>.</remarks>
public abstract class EvidenceTriggerTests(StorageProvider provider)
{
    public sealed class Sqlite() : EvidenceTriggerTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : EvidenceTriggerTests(StorageProvider.PostgreSql);

    [Theory]
    [InlineData("ArchivedReports", "ArchivedById")]
    [InlineData("AuditEntries", "ActorId")]
    [InlineData("EvidenceSeals", "Mac")]
    [InlineData("ReportSubmissions", "SnapshotJson")]
    [InlineData("ReportReviews", "Notes")]
    [InlineData("ChecklistAnswers", "Text")]
    public async Task SopEvidence_RefusesUpdateAndDelete(string table, string column)
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        await new SopFlow(database).ToAsync(SopState.Archived);
        await using var db = database.NewContext();
        Assert.True(await CountAsync(db, table) > 0);

        // Table and column names come from the InlineData above, never from input.
        var updateSql = $"UPDATE \"{table}\" SET \"{column}\" = 'forged'";
        var deleteSql = $"DELETE FROM \"{table}\"";
        var update = await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync(updateSql));
        var delete = await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync(deleteSql));

        Assert.Contains(table, update.Message, StringComparison.Ordinal);
        Assert.Contains(table, delete.Message, StringComparison.Ordinal);
        Assert.True(await CountAsync(db, table) > 0);
    }

    [Fact]
    public async Task ChecklistAnswers_CanBeChangedWhileTheChecklistIsOpen_ButNotOnceTheLaporanIsSubmitted()
    {
        await using var database = await TestDatabase.CreateSopAsync(provider);
        var flow = new SopFlow(database);
        await flow.ToAsync(SopState.InExecution);
        await using (var db = database.NewContext())
        {
            // Still a draft: the Pemeriksa may change an answer (it is saved again in place).
            Assert.True(await db.Database.ExecuteSqlRawAsync("UPDATE \"ChecklistAnswers\" SET \"Text\" = \"Text\"") > 0);
        }

        await flow.SubmitAsync();
        await using (var db = database.NewContext())
        {
            var error = await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"ChecklistAnswers\" SET \"PassFail\" = 'Fail'"));
            Assert.Contains("frozen once the Laporan is submitted", error.Message, StringComparison.Ordinal);
        }

        // Returned with Catatan: the checklist can be reopened (with a reason) for correction, through the service as in the app.
        await flow.ReturnAsync();
        var (executionId, inspector) = (await flow.ExecutionsAsync())[0];
        await using (var db = database.NewContext())
        {
            var service = new ChecklistService(db, database.Time, new AuditLog(db, database.Time));
            var item = (await service.FindAsync(executionId))!.WorkPlanItem!.Template!.Items.First(i => i.Kind == ChecklistItemKind.PassFail);
            await service.ReopenAsync(People.Actor(inspector), executionId, "Catatan Pengawas");
            var answer = await service.AnswerAsync(People.Actor(inspector), executionId, item.Id, new AnswerInput(PassFail: PassFailResult.Fail));
            Assert.True(answer.IsFlagged);
        }
    }

    [Fact]
    public async Task AccessEntries_RecordExitAndVoid_ButNeverWhoCameInOrABackdatedReturn()
    {
        await using var access = await TestDatabase.CreateAccessAsync(provider);
        Guid entryId;
        await using (var db = access.NewContext())
        {
            var supervisor = await TestDatabase.ActorAsync(db, TestDatabase.Supervisor);
            var actor = await TestDatabase.ActorAsync(db, TestDatabase.Operator);
            await access.Grants(db).GrantAsync(supervisor, new NewGrant(TestDatabase.Outsider, "Teknisi jaringan", 4));
            var entry = await access.Register(db).RegisterStaffEntryAsync(actor, TestDatabase.Staff(TestDatabase.Outsider));
            await access.Register(db).RegisterExitAsync(actor, entry.Id, new ExitInput([]));
            entryId = entry.Id;
        }

        await using (var db = access.NewContext())
        {
            await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AccessEntries\" SET \"PersonName\" = 'Orang Lain'"));
            await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AccessEntries\" SET \"Status\" = 'Inside'"));
            await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AccessEntries\""));
            await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AccessGrants\" SET \"ValidUntilUtc\" = '2099-01-01 00:00:00'"));
            await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AccessGrants\" SET \"UsedByEntryId\" = NULL"));
            await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AccessGrants\""));

            var admin = await TestDatabase.ActorAsync(db, TestDatabase.Administrator);
            var voided = await access.Register(db).VoidAsync(admin, entryId, "Salah catat");
            Assert.Equal(AccessEntryStatus.Voided, voided.Status);
        }

        await using (var db = access.NewContext())
        {
            // Voided is final.
            await DatabaseRefusal.AssertAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AccessEntries\" SET \"Purpose\" = 'lain'"));
        }
    }

    private static async Task<long> CountAsync(DbContext db, string table)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
