using System.Globalization;
using Bunit;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Tests.Web;
using DataCenterOps.Web.Features.Routine.Backup;
using DataCenterOps.Web.Features.Routine.Pages;
using DataCenterOps.Web.Features.Routine.Sla;
using DataCenterOps.Web.Features.Routine;
using Microsoft.Extensions.DependencyInjection;
using DataCenterOps.Domain.Seeding;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>The tiles the dashboard embeds, rendered with bUnit over a real database.</summary>
public sealed class RoutineTilesTests : BunitSetup
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Context.Services.AddScheduling();
        Context.Services.AddOptions<RoutineOptions>();
        Context.Services.AddOptions<BackupOptions>();
        Context.Services.AddSingleton<RoutineStatusService>();
        Context.Services.AddSingleton<BackupService>();
    }

    [Fact]
    public async Task RoutineStatusTile_ShowsMissedAndUnassignedChecks()
    {
        // English wording; the culture set here flows into the renders of this async test only.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        int cracs;
        await using (var db = Database.NewContext())
        {
            await ScheduleSeeder.EnsureShippedAsync(db);
            db.Equipment.Add(new Equipment { Kind = EquipmentKind.Cooling, Name = "CRAC 9", Room = "DC room" });
            await db.SaveChangesAsync();
            var schedule = db.Set<MaintenanceSchedule>().Single(s => s.Code == "crac-daily");
            await new DueCheckPlanner(db, Database.Time, Database.Options, new AuditLog(db, Database.Time)).RunScheduleAsync(schedule.Id);
            cracs = db.Equipment.Count(e => e.Kind == EquipmentKind.Cooling);
        }

        SignIn("someone");
        var today = Context.Render<RoutineStatusTile>();
        today.WaitForAssertion(() => Assert.Contains($"Checks without a Surat Tugas: {cracs}<", today.Markup, StringComparison.Ordinal));
        Assert.Contains("Missed checks: 0<", today.Markup, StringComparison.Ordinal);

        Database.Time.Advance(TimeSpan.FromDays(1));
        var tomorrow = Context.Render<RoutineStatusTile>();
        tomorrow.WaitForAssertion(() => Assert.Contains($"Missed checks: {cracs}<", tomorrow.Markup, StringComparison.Ordinal));
        Assert.Contains($"{ShippedNames.CracDaily.Indonesian} – CRAC 9", tomorrow.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void BackupStatusTile_SaysWhenNoBackupHasRun_InEnglish()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("en-US");
        try
        {
            SignIn("someone");
            var tile = Context.Render<BackupStatusTile>();
            tile.WaitForAssertion(() => Assert.Contains("No backup has run yet.", tile.Markup, StringComparison.Ordinal));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    [Fact]
    public void BackupStatusTile_SpeaksIndonesian_UnderTheDefaultCulture()
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("id-ID");
        try
        {
            SignIn("someone");
            var tile = Context.Render<BackupStatusTile>();
            tile.WaitForAssertion(() => Assert.Contains("Belum ada pencadangan yang dijalankan.", tile.Markup, StringComparison.Ordinal));
            Assert.Contains("Pencadangan database", tile.Markup, StringComparison.Ordinal);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }
}
