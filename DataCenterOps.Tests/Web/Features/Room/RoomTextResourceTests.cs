using System.Reflection;
using System.Xml.Linq;
using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Tests.Web.Features.Room;

/// <summary>The room screens' texts: RoomText.resx (Indonesian) and RoomText.en.resx (English) hold the same keys.</summary>
public sealed class RoomTextResourceTests
{
    [Fact]
    public void EveryRoomText_IsInBothLanguages()
    {
        var indonesian = Keys("RoomText.resx");
        var english = Keys("RoomText.en.resx");
        Assert.Empty(english.Except(indonesian));
        Assert.Empty(indonesian.Except(english));
    }

    [Fact]
    public void EverySimulatorScenario_HasANameAndDescription_InBothLanguages()
    {
        var scenarios = typeof(SimulatorScenarios).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        Assert.NotEmpty(scenarios);
        foreach (var file in new[] { "RoomText.resx", "RoomText.en.resx" })
        {
            var keys = Keys(file);
            Assert.All(scenarios, s => Assert.Contains($"Scenario.{s}", keys));
            Assert.All(scenarios, s => Assert.Contains($"Scenario.{s}.Description", keys));
        }
    }

    private static HashSet<string> Keys(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataCenterOps.sln")))
        {
            directory = directory.Parent;
        }

        var path = Path.Combine(directory!.FullName, "DataCenterOps.Web", "Features", "Room", "Components", "Resources", file);
        return XDocument.Load(path).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);
    }
}
