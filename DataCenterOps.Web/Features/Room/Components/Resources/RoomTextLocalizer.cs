using System.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace DataCenterOps.Web.Features.Room.Components.Resources;

/// <summary>Reads RoomText.resx by its manifest name, independent of the app's localisation ResourcesPath.</summary>
internal sealed class RoomTextLocalizer(ILoggerFactory loggerFactory) : IStringLocalizer<RoomText>
{
    private readonly ResourceManagerStringLocalizer _inner = new(
        new ResourceManager(typeof(RoomText)),
        typeof(RoomText).Assembly,
        typeof(RoomText).FullName!,
        new ResourceNamesCache(),
        loggerFactory.CreateLogger<RoomTextLocalizer>());

    public LocalizedString this[string name] => _inner[name];

    public LocalizedString this[string name, params object[] arguments] => _inner[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);
}
