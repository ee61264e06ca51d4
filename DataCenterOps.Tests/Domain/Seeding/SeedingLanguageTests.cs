using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Maintenance;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Domain.Seeding;

/// <summary>The real app seeds an empty database in Seeding:Language, once; a filled database is never rewritten.</summary>
public sealed class SeedingLanguageTests
{
    [Theory]
    [InlineData(null, SeedingOptions.Indonesian)]
    [InlineData(SeedingOptions.English, SeedingOptions.English)]
    [InlineData(SeedingOptions.Indonesian, SeedingOptions.Indonesian)]
    public async Task AFreshInstallation_IsSeededInItsLanguage(string? setting, string expected)
    {
        await using var app = new WebAppFactory();
        if (setting is not null)
        {
            app.ExtraSettings["Seeding:Language"] = setting;
        }

        var seeded = await SeededAsync(app);

        Assert.Contains(ShippedNames.UpsMonthly.In(expected), seeded.Templates);
        Assert.Contains(ShippedNames.AmbientTemperature.In(expected), seeded.Items);
        Assert.Contains(ShippedNames.RoomSensors.In(expected), seeded.Equipment);
        Assert.Contains(ShippedNames.DcRoom.In(expected), seeded.Rooms);
        Assert.Contains(ShippedNames.RoomDailySchedule.In(expected), seeded.Schedules);
        var other = expected == SeedingOptions.English ? SeedingOptions.Indonesian : SeedingOptions.English;
        Assert.DoesNotContain(ShippedNames.UpsMonthly.In(other), seeded.Templates);
        Assert.DoesNotContain(ShippedNames.AmbientTemperature.In(other), seeded.Items);
        Assert.DoesNotContain(ShippedNames.RoomSensors.In(other), seeded.Equipment);
        Assert.DoesNotContain(ShippedNames.RoomDailySchedule.In(other), seeded.Schedules);
    }

    [Fact]
    public async Task AFilledDatabase_IsNotRewritten_WhenTheLanguageChanges()
    {
        using var folder = new TempDirectory();
        await using (var first = WebAppFactory.On(folder.Path))
        {
            first.ExtraSettings["Seeding:Language"] = SeedingOptions.Indonesian;
            Assert.Contains(ShippedNames.UpsMonthly.Indonesian, (await SeededAsync(first)).Templates);
        }

        await using var second = WebAppFactory.On(folder.Path);
        second.ExtraSettings["Seeding:Language"] = SeedingOptions.English;
        var seeded = await SeededAsync(second);

        Assert.Contains(ShippedNames.UpsMonthly.Indonesian, seeded.Templates);
        Assert.DoesNotContain(ShippedNames.UpsMonthly.English, seeded.Templates);
        Assert.Contains(ShippedNames.RoomSensors.Indonesian, seeded.Equipment);
        Assert.Contains(ShippedNames.RoomDailySchedule.Indonesian, seeded.Schedules);
        Assert.DoesNotContain(ShippedNames.RoomDailySchedule.English, seeded.Schedules);
    }

    [Fact]
    public async Task AnUnknownLanguage_StopsTheStart()
    {
        await using var app = new WebAppFactory();
        app.ExtraSettings["Seeding:Language"] = "fr";

        var error = Assert.ThrowsAny<OptionsValidationException>(() => app.Services);

        Assert.Contains("Seeding:Language", error.Message, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    private static async Task<(IReadOnlyList<string> Templates, IReadOnlyList<string> Items, IReadOnlyList<string> Equipment,
        IReadOnlyList<string> Rooms, IReadOnlyList<string> Schedules)> SeededAsync(WebAppFactory app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var routine = services.GetRequiredService<RoutineQueries>();
        await routine.EnsureShippedSchedulesAsync();
        var templates = await services.GetRequiredService<WorkQueries>().TemplatesAsync();
        await using var db = await services.GetRequiredService<IDbContextFactory<DataCenterOpsDbContext>>().CreateDbContextAsync();
        var items = await db.Set<ChecklistTemplateItem>().Select(i => i.Prompt).ToListAsync();
        var equipment = await services.GetRequiredService<EquipmentQueries>().ByNameAsync();
        return (
            [.. templates.Select(t => t.Name)],
            items,
            [.. equipment.Select(e => e.Name)],
            [.. equipment.Select(e => e.Room)],
            [.. (await routine.SchedulesAsync()).Select(s => s.Name)]);
    }
}
