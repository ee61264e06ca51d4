namespace DataCenterOps.Web.Shared.Localization;

/// <summary>
/// The one text scheme: the framework's resource localizer over Resources/Ui.resx (Bahasa Indonesia, the neutral
/// default) and Resources/Ui.en.resx (English). Every feature reads its texts through <c>IStringLocalizer&lt;Ui&gt;</c>.
/// </summary>
public static class UiLocalizationExtensions
{
    /// <summary>The folder that holds Ui.resx; the resource name is DataCenterOps.Web.Resources.Ui.</summary>
    public const string ResourcesPath = "Resources";

    /// <summary>Registers localisation with <see cref="ResourcesPath"/>; safe to call from every feature's registration.</summary>
    public static IServiceCollection AddUiLocalization(this IServiceCollection services) =>
        services.AddLocalization(o => o.ResourcesPath = ResourcesPath);
}
