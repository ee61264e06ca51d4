using System.Globalization;
using System.Xml.Linq;
using DataCenterOps.Web;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Tests.Web.Shared.Localization;

/// <summary>The repository's resource files and the app's real localizer, read as the app reads them.</summary>
internal static class UiResources
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "DataCenterOps.Web");

    public static string UiFile(string culture = "") => Path.Combine(WebProject, "Resources", culture.Length == 0 ? "Ui.resx" : $"Ui.{culture}.resx");

    public static Dictionary<string, string> Texts(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    /// <summary>The framework's ResourceManagerStringLocalizer, registered the way every host registers it.</summary>
    public static IStringLocalizer<Ui> Localizer() =>
        new ServiceCollection().AddLogging().AddUiLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizer<Ui>>();

    public static T In<T>(string culture, Func<T> read)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DataCenterOps.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DataCenterOps.sln not found above " + AppContext.BaseDirectory);
    }
}
