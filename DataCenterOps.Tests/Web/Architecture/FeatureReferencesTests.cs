namespace DataCenterOps.Tests.Web.Architecture;

/// <summary>The boundary scan over small in-memory trees: it catches each way a file can name another feature.</summary>
public sealed class FeatureReferencesTests
{
    private static readonly string[] Types =
    [
        "Room.RackLoad", "Room.LiveRoomView", "Room.Components.AlarmBanner", "Access.AccessCsvExporter", "Tenants.TenantRacks",
    ];

    private static readonly FeatureEdge[] Edges = [new("Tenants", "Room.RackLoad", "test"), new("Home", "Room.Components.AlarmBanner", "test")];

    private static readonly HashSet<string> Root = new(StringComparer.Ordinal) { "Program.cs" };

    [Theory]
    [InlineData("Features/Tenants/Bad.cs", "using DataCenterOps.Web.Features.Room;\nnamespace X;\nclass Bad { LiveRoomView? _v; }", "Room.LiveRoomView")]
    [InlineData("Features/Tenants/Bad.cs", "namespace X;\nclass Bad { DataCenterOps.Web.Features.Access.AccessCsvExporter? _e; }", "Access.AccessCsvExporter")]
    [InlineData("Features/Tenants/Bad.cs", "namespace DataCenterOps.Web.Features.Tenants;\nclass Bad { Room.LiveRoomView? _v; }", "Room.LiveRoomView")]
    [InlineData("Features/Tenants/Bad.cs", "using Alias = DataCenterOps.Web.Features.Room.LiveRoomView;\nnamespace X;", "Room.LiveRoomView")]
    [InlineData("Features/Tenants/Pages/Bad.razor", "@using DataCenterOps.Web.Features.Room.Components\n<AlarmBanner Max=\"5\" />", "Room.Components.AlarmBanner")]
    [InlineData("Features/Admin/Bad.razor", "@inject DataCenterOps.Web.Features.Room.LiveRoomView View", "Room.LiveRoomView")]
    [InlineData("Shared/Layout/Bad.razor", "@using DataCenterOps.Web.Features.Room.Components\n<AlarmBanner />", "Room.Components.AlarmBanner")]
    [InlineData("Shared/Layout/Bad.razor", "@using DataCenterOps.Web.Features.Room.Components\n<p>@L[\"Nothing\"]</p>", "Room.Components.*")]
    [InlineData("_Imports.razor", "@using DataCenterOps.Web.Features.Room", "Room.*")]
    [InlineData("Shared/Hosting/Bad.cs", "namespace X;\nstatic class Bad { static object F() => new DataCenterOps.Web.Features.Room.RackLoad(1, 2, \"kW\"); }", "Room.RackLoad")]
    public void Scan_Refuses_ANameOfAnotherFeature_WithoutAnEdge(string path, string text, string type)
    {
        var violations = Violations(new Dictionary<string, string>(StringComparer.Ordinal) { [path] = text });

        Assert.Contains(violations, v => v.File == path && v.Type == type);
    }

    [Fact]
    public void Scan_Refuses_AComponentUsingAnotherFeature_ThroughItsFoldersImports()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Features/Admin/_Imports.razor"] = "@using DataCenterOps.Web.Features.Room.Components",
            ["Features/Admin/Pages/Users.razor"] = "<MudText>@L[\"Users\"]</MudText>\n<AlarmBanner />",
            ["Features/Admin/Other.cs"] = "namespace X;\n// An AlarmBanner in a .cs file is not imported by _Imports.razor.\nclass Other { }",
        };

        var violations = Violations(files);

        var only = Assert.Single(violations);
        Assert.Equal(("Features/Admin/Pages/Users.razor", "Room.Components.AlarmBanner"), (only.File, only.Type));
    }

    [Theory]
    [InlineData("Features/Tenants/Good.cs", "using DataCenterOps.Web.Features.Room;\nnamespace X;\nclass Good { RackLoad? _load; }")]
    [InlineData("Features/Home/Pages/HomePage.razor", "@using DataCenterOps.Web.Features.Room.Components\n<AlarmBanner Max=\"5\" />")]
    [InlineData("Features/Room/Own.cs", "namespace DataCenterOps.Web.Features.Room;\nclass Own { LiveRoomView? _v; Components.AlarmBanner? _b; }")]
    [InlineData("Program.cs", "using DataCenterOps.Web.Features.Room;\nbuilder.AddRoomDashboard(); LiveRoomView? v = null;")]
    [InlineData("Shared/Layout/NavMenu.razor", "@inject IEnumerable<IMenuPart> Parts\n<p>@L[\"Room.Badge.Title\"]</p> @* the room's alarms, LiveRoomView not imported *@")]
    public void Scan_Allows_OwnTypes_AllowedEdges_AndTheCompositionRoot(string path, string text)
    {
        var violations = Violations(new Dictionary<string, string>(StringComparer.Ordinal) { [path] = text });

        Assert.Empty(violations);
    }

    [Fact]
    public void AnEdge_OpensOnlyItsType_NotTheRestOfThatFeature()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Features/Tenants/Racks.cs"] = "using DataCenterOps.Web.Features.Room;\nnamespace X;\nclass Racks { RackLoad? _load; LiveRoomView? _view; }",
        };

        var only = Assert.Single(Violations(files));

        Assert.Equal("Room.LiveRoomView", only.Type);
    }

    [Fact]
    public void ReadmeTable_IsReadAsEdges()
    {
        const string Readme = "# X\n\n### What may use what\n\nText.\n\n| Feature | May use | Why |\n|---|---|---|\n"
            + "| `Features/Home/` | `Room.Components.AlarmBanner`, `Access.Pages.OccupancyTile` | widgets |\n"
            + "| `Features/Tenants/` | `Room.RackLoad` | racks |\n\nAfter the table: `Not.An.Edge`.\n";

        var edges = FeatureBoundariesTests.ReadmeEdges(Readme);

        (string, string)[] expected = [("Home", "Room.Components.AlarmBanner"), ("Home", "Access.Pages.OccupancyTile"), ("Tenants", "Room.RackLoad")];
        Assert.Equal(expected, edges);
    }

    private static IReadOnlyList<FeatureReference> Violations(Dictionary<string, string> files) =>
        FeatureReferences.Violations(FeatureReferences.Find(files, Types, Root), Edges);
}
