using System.Text.RegularExpressions;
using static DataCenterOps.Tests.Web.Shared.Localization.UiResources;

namespace DataCenterOps.Tests.Web.Architecture;

/// <summary>
/// "The Domain is the only way into the database": no Web source file names the DbContext or EF Core, except the
/// registration that must (Identity's EF Core stores, the Data Protection keys). A new file that reaches the database
/// directly fails here; a listed one that no longer does must leave the list.
/// </summary>
public sealed partial class DomainIsTheWayIntoTheDatabaseTests
{
    /// <summary>Allowed, with the reason. Shrink this list; never grow it.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["Shared/Hosting/WebAppExtensions.cs"] = "registration: Identity's EF Core stores over the Domain's context",
        ["Shared/Hosting/KeyStorageSetup.cs"] = "registration: Data Protection keys in the Domain's context (PostgreSQL)",
    };

    [Fact]
    public void NoWebFile_ReachesTheDatabase_ButThroughTheDomain()
    {
        var offenders = WebFilesNamingTheDatabase().Where(f => !Allowed.ContainsKey(f)).ToList();

        Assert.True(offenders.Count == 0, "Use a Domain query or command service instead of the DbContext in: " + string.Join(", ", offenders));
    }

    [Fact]
    public void EveryAllowedException_StillNeedsIt()
    {
        var naming = WebFilesNamingTheDatabase().ToHashSet(StringComparer.Ordinal);

        var stale = Allowed.Keys.Where(f => !naming.Contains(f)).ToList();

        Assert.True(stale.Count == 0, "No longer reaches the database; remove from the list: " + string.Join(", ", stale));
    }

    private static IEnumerable<string> WebFilesNamingTheDatabase() =>
        Directory.GetFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(WebProject, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("obj/", StringComparison.Ordinal) && !f.StartsWith("bin/", StringComparison.Ordinal))
            .Where(f => DatabaseReference().IsMatch(File.ReadAllText(Path.Combine(WebProject, f))))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\bDataCenterOpsDbContext\b|\bDbContext\b|using\s+Microsoft\.EntityFrameworkCore\b")]
    private static partial Regex DatabaseReference();
}
