using System.Globalization;
using System.Resources;
using DataCenterOps.Web.Features.Access.Resources;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Web.Features.Access;

/// <summary>
/// Reads AccessText.resx by its fixed manifest name, so the texts are found whatever LocalizationOptions.ResourcesPath
/// the app sets. Missing keys come back as the key (ResourceNotFound).
/// </summary>
internal sealed class AccessStringLocalizer : IStringLocalizer<AccessText>
{
    private static readonly ResourceManager s_resources = new(typeof(AccessText).FullName!, typeof(AccessText).Assembly);

    public LocalizedString this[string name]
    {
        get
        {
            var value = s_resources.GetString(name, CultureInfo.CurrentUICulture);
            return new LocalizedString(name, value ?? name, value is null, typeof(AccessText).FullName);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
    {
        var set = s_resources.GetResourceSet(CultureInfo.CurrentUICulture, createIfNotExists: true, tryParents: includeParentCultures);
        if (set is null)
        {
            yield break;
        }

        foreach (System.Collections.DictionaryEntry item in set)
        {
            if (item.Key is string key && item.Value is string value)
            {
                yield return new LocalizedString(key, value);
            }
        }
    }
}
