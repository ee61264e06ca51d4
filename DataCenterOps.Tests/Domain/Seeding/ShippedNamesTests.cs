using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Scheduling;
using DataCenterOps.Domain.Seeding;

namespace DataCenterOps.Tests.Domain.Seeding;

/// <summary>The one bilingual table of shipped names, and the seeders writing from it in either language with the same keys.</summary>
public sealed class ShippedNamesTests
{
    [Fact]
    public void EveryShippedName_HasAUniqueId_AndBothLanguages()
    {
        Assert.True(ShippedNames.All.Count > 100, $"{ShippedNames.All.Count} entries");
        Assert.Equal(ShippedNames.All.Count, ShippedNames.All.Select(n => n.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.All(ShippedNames.All, n =>
        {
            Assert.False(string.IsNullOrWhiteSpace(n.Indonesian), n.Id);
            Assert.False(string.IsNullOrWhiteSpace(n.English), n.Id);
        });
    }

    [Fact]
    public void Templates_InIndonesian_AndInEnglish_HaveTheSameCodesItemsAndUnits_AndOnlyTheNamesDiffer()
    {
        var id = RoutineTemplates.All(SeedingOptions.Indonesian);
        var en = RoutineTemplates.All(SeedingOptions.English);

        Assert.Equal(en.Select(t => t.Code), id.Select(t => t.Code));
        Assert.Contains(id, t => t.Code == "ups-monthly" && t.Name == "Inspeksi bulanan UPS");
        Assert.Contains(en, t => t.Code == "ups-monthly" && t.Name == "Monthly UPS inspection");
        foreach (var (indonesian, english) in id.Zip(en))
        {
            Assert.Equal(english.Items.Select(i => (i.Order, i.Kind, i.Min, i.Max, i.MonitoringPoint, i.HistoryRule)),
                indonesian.Items.Select(i => (i.Order, i.Kind, i.Min, i.Max, i.MonitoringPoint, i.HistoryRule)));
            Assert.Equal(english.Cadence, indonesian.Cadence);
        }

        var indonesianTexts = id.SelectMany(t => t.Items.Select(i => i.Prompt).Append(t.Name)).ToHashSet(StringComparer.Ordinal);
        var englishTexts = en.SelectMany(t => t.Items.Select(i => i.Prompt).Append(t.Name)).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(ShippedNames.AmbientTemperature.Indonesian, indonesianTexts);
        Assert.DoesNotContain(ShippedNames.AmbientTemperature.English, indonesianTexts);
        Assert.Contains(ShippedNames.AmbientTemperature.English, englishTexts);
        // Every name a template carries comes from the table (no literal left behind in a seeder).
        var table = ShippedNames.All.SelectMany(n => new[] { n.Indonesian, n.English }).ToHashSet(StringComparer.Ordinal);
        Assert.All(indonesianTexts.Concat(englishTexts), text => Assert.Contains(text, table));
    }

    [Fact]
    public void Units_StayUnits_AndWordedOnesKeepTheirLeadingPercent()
    {
        var ups = DemoTemplates.Create(SeedingOptions.Indonesian).Single(t => t.Code == "ups-monthly");
        var load = ups.Items.Single(i => i.MonitoringPoint == "output.load");
        Assert.Equal(ShippedNames.Load.Indonesian, load.Prompt);
        Assert.Equal("% dari kapasitas", load.Unit);
        Assert.Equal("°C", ups.Items.Single(i => i.Prompt == ShippedNames.AmbientTemperature.Indonesian).Unit);
    }

    [Fact]
    public void Schedules_KeepTheirCodes_AndTakeTheirTitleFromTheTable()
    {
        Assert.Equal(ShippedSchedules.All.Count, ShippedSchedules.All.Select(s => s.Code).Distinct(StringComparer.Ordinal).Count());
        var ups = ShippedSchedules.All.Single(s => s.Code == "ups-monthly");
        Assert.Same(ShippedNames.UpsMonthly, ups.Name);
        Assert.All(ShippedSchedules.All, s => Assert.Contains(s.Name, ShippedNames.All));
    }

    [Theory]
    [InlineData(SeedingOptions.Indonesian, "Sensor ruangan", "Pemadam kebakaran 1", "Ruang DC", "Rumah genset")]
    [InlineData(SeedingOptions.English, "Room sensors", "Fire suppression 1", "DC room", "Genset house")]
    public void DemoEquipment_IsNamedInTheSeedingLanguage_AndKeepsItsDeviceIds(string language, string sensors, string fire, string room, string gensetRoom)
    {
        var equipment = DemoEquipment.Create(language);

        Assert.Equal(sensors, equipment.Single(e => e.MonitoringDeviceId == "env-1").Name);
        Assert.Equal(fire, equipment.Single(e => e.MonitoringDeviceId == "fire-1").Name);
        Assert.Equal("UPS 1", equipment.Single(e => e.MonitoringDeviceId == "ups-1").Name);
        Assert.All(equipment.Where(e => e.Kind != EquipmentKind.Genset), e => Assert.Equal(room, e.Room));
        Assert.Equal(gensetRoom, equipment.Single(e => e.Kind == EquipmentKind.Genset).Room);
        var (_, tenantEquipment) = DemoTenants.Create(DemoTenants.All[0], new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc), language);
        Assert.All(tenantEquipment, e => Assert.Equal(room, e.Room));
    }
}
