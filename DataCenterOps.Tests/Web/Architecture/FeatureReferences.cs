using System.Text.RegularExpressions;

namespace DataCenterOps.Tests.Web.Architecture;

/// <summary>
/// Reads web source files (paths relative to the project, text) and finds where a file names a type of a feature that
/// is not its own: written qualified (<c>DataCenterOps.Web.Features.Room.RackLoad</c>, <c>Features.Room.RackLoad</c>,
/// <c>Room.RackLoad</c>), or by its simple name (a word, a component tag) where the file imports the type's namespace —
/// by its own <c>using</c>/<c>@using</c> or, for a component, through the <c>_Imports.razor</c> of its folders. Extension
/// methods called through an imported namespace are not seen (they name no type); the importing itself is, in the kernel.
/// </summary>
internal static partial class FeatureReferences
{
    public const string FeaturesNamespace = "DataCenterOps.Web.Features";

    /// <summary>Whose a file is when it is not under <c>Features/</c>: the kernel (<c>Shared/</c>, the project's root files).</summary>
    public const string Kernel = "Shared";

    /// <param name="files">Project-relative path (with <c>/</c>) → source text.</param>
    /// <param name="featureTypes">Every type of every feature, relative to <see cref="FeaturesNamespace"/> (<c>Room.Components.AlarmBanner</c>).</param>
    /// <param name="compositionRoot">Files that wire every feature and may name any of them.</param>
    public static IReadOnlyList<FeatureReference> Find(
        IReadOnlyDictionary<string, string> files, IReadOnlyCollection<string> featureTypes, IReadOnlySet<string> compositionRoot)
    {
        var types = featureTypes.ToHashSet(StringComparer.Ordinal);
        var byNamespace = featureTypes.GroupBy(NamespaceOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var found = new List<FeatureReference>();
        foreach (var (path, text) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (compositionRoot.Contains(path))
            {
                continue;
            }

            var owner = OwnerOf(path);
            var named = new SortedSet<string>(StringComparer.Ordinal);
            foreach (Match chain in DottedName().Matches(text))
            {
                var parts = WhiteSpace().Replace(chain.Value, "").Split('.');
                for (var start = 0; start < parts.Length; start++)
                {
                    if (start > 0 && parts[start - 1] != "Features")
                    {
                        continue;
                    }

                    for (var end = start + 2; end <= parts.Length; end++)
                    {
                        var candidate = string.Join('.', parts[start..end]);
                        if (types.Contains(candidate))
                        {
                            named.Add(candidate);
                        }
                    }
                }
            }

            if (owner == Kernel)
            {
                // The kernel imports no feature (a root _Imports.razor would hand it to every component).
                foreach (var imported in OwnImports(text).Where(IsFeatureNamespace).Where(i => !types.Contains(Relative(i))))
                {
                    named.Add(Relative(imported) + ".*");
                }
            }

            var words = Word().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            foreach (var imported in ImportsOf(path, text, files).Where(IsFeatureNamespace))
            {
                foreach (var type in byNamespace.GetValueOrDefault(Relative(imported), []))
                {
                    if (words.Contains(SimpleName(type)))
                    {
                        named.Add(type);
                    }
                }
            }

            found.AddRange(named.Where(t => FeatureOf(t) != owner).Select(t => new FeatureReference(path, owner, t)));
        }

        return found;
    }

    /// <summary>The references no allowed edge covers; the kernel may use none.</summary>
    public static IReadOnlyList<FeatureReference> Violations(IEnumerable<FeatureReference> references, IEnumerable<FeatureEdge> allowed)
    {
        var edges = allowed.Select(e => (e.From, e.Type)).ToHashSet();
        return [.. references.Where(r => r.From == Kernel || !edges.Contains((r.From, r.Type)))];
    }

    /// <summary><c>Features/Room/Pages/X.razor</c> → <c>Room</c>; anything else → <see cref="Kernel"/>.</summary>
    public static string OwnerOf(string path) =>
        path.StartsWith("Features/", StringComparison.Ordinal) && path.IndexOf('/', "Features/".Length) is var slash and > 0
            ? path["Features/".Length..slash]
            : Kernel;

    public static string FeatureOf(string relativeType) => relativeType.Split('.')[0];

    private static bool IsFeatureNamespace(string name) =>
        name.StartsWith(FeaturesNamespace + ".", StringComparison.Ordinal);

    private static string Relative(string name) => name[(FeaturesNamespace.Length + 1)..];

    private static string NamespaceOf(string relativeType) => relativeType[..Math.Max(0, relativeType.LastIndexOf('.'))];

    private static string SimpleName(string relativeType) => relativeType[(relativeType.LastIndexOf('.') + 1)..];

    private static HashSet<string> ImportsOf(string path, string text, IReadOnlyDictionary<string, string> files)
    {
        var imports = OwnImports(text).ToHashSet(StringComparer.Ordinal);
        if (path.EndsWith(".razor", StringComparison.Ordinal))
        {
            // _Imports.razor of the project root and of every folder down to the component's own.
            var folders = path.Split('/')[..^1];
            for (var depth = 0; depth <= folders.Length; depth++)
            {
                var importsFile = string.Join('/', folders[..depth].Append("_Imports.razor"));
                if (importsFile != path && files.TryGetValue(importsFile, out var importsText))
                {
                    imports.UnionWith(OwnImports(importsText));
                }
            }
        }

        return imports;
    }

    private static IEnumerable<string> OwnImports(string text) =>
        Using().Matches(text).Select(m => WhiteSpace().Replace(m.Groups["name"].Value, ""));

    [GeneratedRegex(@"^\s*@?(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?(?:global::)?(?<name>[A-Za-z_][\w.]*)", RegexOptions.Multiline)]
    private static partial Regex Using();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\s*\.\s*[A-Za-z_]\w*)+")]
    private static partial Regex DottedName();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*")]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
