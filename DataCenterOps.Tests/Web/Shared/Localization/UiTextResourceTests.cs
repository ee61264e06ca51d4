using System.Reflection;
using System.Text.RegularExpressions;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Web.Features.Room;
using static DataCenterOps.Tests.Web.Shared.Localization.UiResources;

namespace DataCenterOps.Tests.Web.Shared.Localization;

/// <summary>
/// One text scheme: every resource of the web project is a pair X.resx (Bahasa Indonesia, the neutral default) and
/// X.en.resx (English) holding the same keys, and every key the code builds from an enum or a constant exists.
/// </summary>
public sealed partial class UiTextResourceTests
{
    [Fact]
    public void EveryResourceFile_HasItsPair_WithTheSameKeys()
    {
        var files = Directory.GetFiles(WebProject, "*.resx", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(UiFile(), files);

        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            Assert.True(name.Count(c => c == '.') is 1 or 2, $"{name}: expected X.resx or X.en.resx");
            var neutral = name.EndsWith(".en.resx", StringComparison.Ordinal) ? file[..^".en.resx".Length] + ".resx" : file;
            var english = neutral[..^".resx".Length] + ".en.resx";
            Assert.True(File.Exists(neutral), $"{name} has no neutral (Indonesian) {Path.GetFileName(neutral)}");
            Assert.True(File.Exists(english), $"{name} has no English {Path.GetFileName(english)}");

            var indonesianKeys = Texts(neutral).Keys.ToHashSet(StringComparer.Ordinal);
            var englishKeys = Texts(english).Keys.ToHashSet(StringComparer.Ordinal);
            Assert.True(englishKeys.SetEquals(indonesianKeys),
                $"{Path.GetFileName(neutral)} only: {string.Join(", ", indonesianKeys.Except(englishKeys))}; "
                + $"{Path.GetFileName(english)} only: {string.Join(", ", englishKeys.Except(indonesianKeys))}");
        }
    }

    [Fact]
    public void EveryText_HasTheSamePlaceholders_InBothLanguages()
    {
        var indonesian = Texts(UiFile());
        var english = Texts(UiFile("en"));
        var mismatched = indonesian.Keys.Intersect(english.Keys)
            .Where(k => !Placeholders(indonesian[k]).SetEquals(Placeholders(english[k])))
            .ToList();
        Assert.Empty(mismatched);
    }

    [Fact]
    public void NoTextIsEmpty()
    {
        Assert.Empty(Texts(UiFile()).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
        Assert.Empty(Texts(UiFile("en")).Where(t => string.IsNullOrWhiteSpace(t.Value)).Select(t => t.Key));
    }

    [Theory]
    [InlineData("id-ID", "Tamu", "Komunikasi dengan perangkat terputus", "Disetujui")]
    [InlineData("id", "Tamu", "Komunikasi dengan perangkat terputus", "Disetujui")]
    [InlineData("en-US", "Visitor", "Communication with the device lost", "Approved")]
    [InlineData("en-GB", "Visitor", "Communication with the device lost", "Approved")]
    public void TheFrameworkLocalizer_ReadsIndonesianAsTheNeutralDefault_AndEnglishFromTheSatellite(string culture, string visitor, string commLost, string approved)
    {
        var l = Localizer();

        Assert.Equal(visitor, In(culture, () => l["Access.Kind.Visitor"].Value));
        Assert.Equal(commLost, In(culture, () => l["Room.AlarmKey.comm_lost"].Value));
        Assert.Equal(approved, In(culture, () => l["State.Approved"].Value));
        Assert.False(In(culture, () => l["State.Approved"].ResourceNotFound));
    }

    [Fact]
    public void SopTerms_KeepTheirIndonesianNames_InEnglish()
    {
        var l = Localizer();

        Assert.Contains("Rencana Kerja", In("en-US", () => l["Refusal.PlanNeedsItem"].Value), StringComparison.Ordinal);
        Assert.StartsWith("Pengawas", In("en-US", () => l["Role.Supervisor"].Value), StringComparison.Ordinal);
    }

    public static TheoryData<string> KeysBuiltByCode()
    {
        var keys = new TheoryData<string>();
        void Add(IEnumerable<string> names)
        {
            foreach (var name in names)
            {
                keys.Add(name);
            }
        }

        Add(Enum.GetNames<AccessError>().Select(n => "Access.Error." + n));
        Add(Enum.GetNames<AccessBasis>().Select(n => "Access.Basis." + n));
        Add(Enum.GetNames<AccessEntryStatus>().Select(n => "Access.Status." + n));
        Add(Enum.GetNames<AccessPersonKind>().Select(n => "Access.Kind." + n));
        Add(new[] { AccessAlarmKeys.UnregisteredAccess, AccessAlarmKeys.DoorHeldOpen, AccessAlarmKeys.AfterHours }.Select(k => "Access.Alarm." + k));
        Add(Enum.GetNames<SopError>().Select(n => "SopError." + n));
        Add(Enum.GetNames<SopState>().Select(n => "State." + n));
        Add(Enum.GetNames<SopAction>().Select(n => "Refusal.SopAction." + n));
        Add(Enum.GetNames<EquipmentKind>().Select(n => "Kind." + n));
        Add(Enum.GetNames<DeviceVisualState>().Select(n => "Room.State." + n));
        Add(Enum.GetNames<AlarmSeverity>().Select(n => "Room.Severity." + n));
        Add(Constants(typeof(AlarmKeys)).Select(k => "Room.AlarmKey." + k));
        Add(Constants(typeof(AlarmMessageKeys)).Select(k => "Room.AlarmMessage." + k));
        var scenarios = Constants(typeof(SimulatorScenarios)).ToList();
        Add(scenarios.Select(s => $"Room.Scenario.{s}"));
        Add(scenarios.Select(s => $"Room.Scenario.{s}.Description"));
        Add(TileLayout.Groups.Select(g => "Room." + g.TitleKey));
        Add(Enum.GetValues<DataCenterOps.Monitoring.Profiles.DeviceKind>().SelectMany(k => TileLayout.PointsFor(k)).Select(p => "Room." + p.LabelKey).Distinct());
        return keys;
    }

    [Theory]
    [MemberData(nameof(KeysBuiltByCode))]
    public void EveryKeyBuiltFromAnEnumOrConstant_HasIndonesianAndEnglishText(string key)
    {
        var l = Localizer();

        Assert.False(In("id-ID", () => l[key]).ResourceNotFound, key);
        Assert.False(In("en-US", () => l[key]).ResourceNotFound, key);
    }

    [Fact]
    public void EveryRefusalTheDomainRaises_HasASentence_InBothLanguages()
    {
        var domain = Path.Combine(Root, "DataCenterOps.Domain");
        var used = Directory.GetFiles(domain, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => MessageKeyPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(used.Count > 40, $"found only {used.Count} refusal keys: the pattern no longer matches the domain's code");

        var indonesian = Texts(UiFile());
        var english = Texts(UiFile("en"));
        var missing = used.Where(k => !indonesian.ContainsKey("Refusal." + k) || !english.ContainsKey("Refusal." + k)).ToList();
        Assert.True(missing.Count == 0, "no Refusal.* text for: " + string.Join(", ", missing));
    }

    private static HashSet<string> Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    // The key after the English message ("....", "Key" or "....", ex, "Key"), a SopGuard.Person key (SopError.X, "Key"),
    // or a refusal of the register ("Key", $"..." / new("Key", [...])).
    [GeneratedRegex(@"(?:\.""\s*,\s*(?:ex\s*,\s*)?|SopError\.\w+\s*,\s*)""(?<key>[A-Z][A-Za-z]+)""|(?:\(|new\()""(?<key>[A-Z][A-Za-z]+)"",\s*[$\[]")]
    private static partial Regex MessageKeyPattern();
}
