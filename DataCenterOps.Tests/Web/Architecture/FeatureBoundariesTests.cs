using System.Text.RegularExpressions;
using DataCenterOps.Web;
using static DataCenterOps.Tests.Web.Shared.Localization.UiResources;

namespace DataCenterOps.Tests.Web.Architecture;

/// <summary>
/// "Features do not use each other's internals": the kernel (<c>Shared/</c>, the project's root files) names no feature,
/// except the composition root that wires them all; a feature names another feature's type only along an edge below.
/// The edges are the README's "What may use what" table, and the two are checked to agree.
/// </summary>
public sealed partial class FeatureBoundariesTests
{
    /// <summary>The one list of allowed uses between features (the README's table says the same).</summary>
    internal static readonly FeatureEdge[] AllowedEdges =
    [
        new("Home", "Room.Components.AlarmBanner", "the home page composes the room's widgets"),
        new("Home", "Room.Components.RoomNav", "the home page composes the room's widgets"),
        new("Home", "Room.Components.RoomOverview", "the home page composes the room's widgets"),
        new("Home", "Access.Pages.OccupancyTile", "the home page shows who is in the room"),
        new("Home", "Routine.Pages.RoutineStatusTile", "the home page shows the routine's state"),
        new("Home", "Routine.Pages.BackupStatusTile", "the home page shows the last backup"),
        new("Tenants", "Room.RoomPlanOptions", "a tenant's racks on the room plan, with their load"),
        new("Tenants", "Room.RoomPlanItem", "a tenant's racks on the room plan, with their load"),
        new("Tenants", "Room.RoomPlanItemKind", "a tenant's racks on the room plan, with their load"),
        new("Tenants", "Room.RackLoad", "a tenant's racks on the room plan, with their load"),
        new("Tenants", "Room.DeviceVisualState", "a rack load's state, coloured as the room colours it"),
        new("Steps", "Access.AccessCsvExporter", "the evidence pack holds the access log as the register exports it"),
        new("Steps", "Access.AccessPdfExporter", "the evidence pack holds the access log as the register exports it"),
    ];

    /// <summary>The files that wire every feature into the app (registration, mapping, routing).</summary>
    internal static readonly HashSet<string> CompositionRoot = new(StringComparer.Ordinal)
    {
        "Program.cs",
        "Shared/Routes.razor",
        "Shared/Hosting/WebAppExtensions.cs",
    };

    [Fact]
    public void NoFeature_UsesAnotherFeature_ButAlongAnAllowedEdge_AndTheKernelUsesNone()
    {
        var violations = FeatureReferences.Violations(References(), AllowedEdges);

        Assert.True(violations.Count == 0,
            "Move the shared piece to Shared or the Domain, or declare the edge (here and in the README's table):\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryAllowedEdge_IsStillUsed()
    {
        var used = References().Select(r => (r.From, r.Type)).ToHashSet();

        var stale = AllowedEdges.Where(e => !used.Contains((e.From, e.Type))).ToList();

        Assert.True(stale.Count == 0, "No longer used; remove from the list and the README: " + string.Join(", ", stale));
    }

    [Fact]
    public void EveryCompositionRootFile_StillWiresFeatures()
    {
        var files = WebFiles();
        var wiring = FeatureReferences.Find(files, FeatureTypes(), new HashSet<string>(StringComparer.Ordinal)).Select(r => r.File).ToHashSet(StringComparer.Ordinal);

        var stale = CompositionRoot.Where(f => !wiring.Contains(f)).ToList();

        Assert.True(stale.Count == 0, "Names no feature; it is kernel, not composition root: " + string.Join(", ", stale));
    }

    [Fact]
    public void ReadmeTable_AndTheAllowedEdges_AreTheSameList()
    {
        var readme = ReadmeEdges(File.ReadAllText(Path.Combine(Root, "README.md")));

        Assert.Equal(
            AllowedEdges.Select(e => $"{e.From} -> {e.Type}").Order(StringComparer.Ordinal),
            readme.Select(e => $"{e.From} -> {e.Type}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FeatureTypes_AreReadFromTheCompiledApp()
    {
        var types = FeatureTypes();

        // A component, a service and an options class of the room: the catalogue the scan matches against is real.
        Assert.Contains("Room.Components.AlarmBanner", types);
        Assert.Contains("Room.RoomPlanOptions", types);
        Assert.Contains("Home.Pages.HomePage", types);
    }

    /// <summary>The rows of the README's "What may use what" table: <c>| `Features/X/` | `Y.Type`, ... | why |</c>.</summary>
    internal static IReadOnlyList<(string From, string Type)> ReadmeEdges(string readme)
    {
        var lines = readme.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var heading = lines.FindIndex(l => l.StartsWith("### What may use what", StringComparison.Ordinal));
        Assert.True(heading >= 0, "README.md has no \"### What may use what\" section");
        var table = lines.Skip(heading + 1).SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2);
        var edges = new List<(string, string)>();
        foreach (var row in table)
        {
            var cells = row.Split('|');
            var from = FeatureCell().Match(cells[1]);
            Assert.True(from.Success, "README table row without a `Features/X/` cell: " + row);
            edges.AddRange(CodeSpan().Matches(cells[2]).Select(m => (from.Groups[1].Value, m.Groups[1].Value)));
        }

        return edges;
    }

    private static IReadOnlyList<FeatureReference> References() =>
        FeatureReferences.Find(WebFiles(), FeatureTypes(), CompositionRoot);

    private static Dictionary<string, string> WebFiles() =>
        Directory.GetFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebProject, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllText(Path.Combine(WebProject, f)), StringComparer.Ordinal);

    /// <summary>Every top-level type under <c>DataCenterOps.Web.Features</c>, as compiled (components included).</summary>
    private static HashSet<string> FeatureTypes() =>
        typeof(Ui).Assembly.GetTypes()
            .Where(t => !t.IsNested && t.Namespace?.StartsWith(FeatureReferences.FeaturesNamespace + ".", StringComparison.Ordinal) == true)
            .Select(t => t.FullName![(FeatureReferences.FeaturesNamespace.Length + 1)..].Split('`')[0])
            .Where(n => !n.Contains('<', StringComparison.Ordinal) && !n.EndsWith("._Imports", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"`Features/(\w+)/`")]
    private static partial Regex FeatureCell();

    [GeneratedRegex(@"`([\w.]+)`")]
    private static partial Regex CodeSpan();
}
