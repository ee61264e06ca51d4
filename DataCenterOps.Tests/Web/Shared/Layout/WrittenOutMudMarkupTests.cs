using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using MudBlazor.Services;

namespace DataCenterOps.Tests.Web.Shared.Layout;

/// <summary>
/// The top bar, page frame and menu are MudBlazor's markup written out, not its components (docs/adr/0018): these pin
/// that markup to what the installed MudBlazor renders for the same parameters, so an upgrade that changes its classes
/// fails here instead of quietly unstyling every page. The literals are the ones MainLayout and NavMenu write.
/// </summary>
public sealed class WrittenOutMudMarkupTests : BunitContext
{
    public WrittenOutMudMarkupTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public static TheoryData<string, string> Components => new()
    {
        { "menu toggle", "mud-button-root mud-icon-button mud-inherit-text hover:mud-inherit-hover mud-ripple mud-ripple-icon mud-icon-button-edge-start app-menu-toggle" },
        { "title", "mud-typography mud-typography-h6 ml-2 app-title" },
        { "culture", "mud-button-root mud-button mud-button-text mud-button-text-inherit mud-button-text-size-small mud-ripple app-culture" },
        { "user", "mud-typography mud-link mud-inherit-text mud-link-underline-hover mx-3 app-user" },
        { "sign-out", "mud-button-root mud-button mud-button-outlined mud-button-outlined-inherit mud-button-outlined-size-small mud-ripple app-signout-button" },
        { "menu sign-out", "mud-button-root mud-button mud-button-outlined mud-button-outlined-default mud-button-outlined-size-small mud-ripple ma-3 nav-signout-button" },
        { "spacer", "flex-grow-1" },
        { "main content", "mud-main-content" },
        { "container", "mud-container mud-container-maxwidth-xl mud-container--gutters pa-4" },
        { "nav menu", "mud-navmenu mud-navmenu-default mud-navmenu-margin-none" },
        { "icon", "mud-icon-root mud-svg-icon mud-icon-size-small" },
    };

    [Theory]
    [MemberData(nameof(Components))]
    public void WrittenOutMarkup_HasTheClassesMudBlazorRendersForTheSameComponent(string component, string written)
    {
        var rendered = Render(Mud(component));

        Assert.Equal(Classes(written), Classes(rendered.Nodes.OfType<AngleSharp.Dom.IElement>().First().ClassName ?? ""));
    }

    [Fact]
    public void WrittenOutAppBar_HasTheClassesOfADenseMudAppBarAndItsToolBar()
    {
        var bar = Render<MudAppBar>(p => p.Add(x => x.Elevation, 1).Add(x => x.Dense, true));

        Assert.Equal(Classes("mud-appbar mud-appbar-dense mud-appbar-fixed-top mud-elevation-1"), Classes(bar.Find("header").ClassName ?? ""));
        Assert.Equal(Classes("mud-toolbar mud-toolbar-dense mud-toolbar-gutters mud-toolbar-appbar"), Classes(bar.Find("header > div").ClassName ?? ""));
    }

    [Fact]
    public void WrittenOutNavGroup_HasTheClassesOfAMudNavGroup_OpenedAndFolded()
    {
        var open = Render<MudNavGroup>(p => p.Add(x => x.Title, "Kondisi ruang").Add(x => x.Icon, Icons.Material.Filled.Sensors).Add(x => x.Expanded, true));
        var folded = Render<MudNavGroup>(p => p.Add(x => x.Title, "Rutin").Add(x => x.Icon, Icons.Material.Filled.Sensors));

        Assert.Equal(Classes("mud-nav-group"), Classes(open.Find("nav").ClassName ?? ""));
        Assert.Equal(Classes("mud-nav-link mud-ripple mud-expanded"), Classes(open.Find("button").ClassName ?? ""));
        Assert.Equal(Classes("mud-nav-link mud-ripple"), Classes(folded.Find("button").ClassName ?? ""));
        Assert.Contains("mud-nav-link-text", open.Find("button > div").ClassList);
        Assert.Contains("mud-navgroup-collapse", open.Find(".mud-collapse-container").ClassList);
        Assert.Contains("invisible", folded.Find(".mud-collapse-container").ClassList);
        Assert.NotNull(open.Find(".mud-collapse-container > .mud-collapse-wrapper > .mud-collapse-wrapper-inner > nav.mud-navmenu"));
    }

    private static RenderFragment Mud(string component) => component switch
    {
        "menu toggle" => b => Component<MudIconButton>(b, ("Icon", Icons.Material.Filled.Menu), ("Color", Color.Inherit), ("Edge", Edge.Start), ("Class", "app-menu-toggle")),
        "title" => b => Component<MudText>(b, ("Typo", Typo.h6), ("Class", "ml-2 app-title")),
        "culture" => b => Component<MudButton>(b, ("Variant", Variant.Text), ("Color", Color.Inherit), ("Size", Size.Small), ("Class", "app-culture")),
        "user" => b => Component<MudLink>(b, ("Href", "Account/Manage"), ("Color", Color.Inherit), ("Class", "mx-3 app-user")),
        "sign-out" => b => Component<MudButton>(b, ("ButtonType", ButtonType.Submit), ("Variant", Variant.Outlined), ("Color", Color.Inherit), ("Size", Size.Small), ("Class", "app-signout-button")),
        "menu sign-out" => b => Component<MudButton>(b, ("ButtonType", ButtonType.Submit), ("Variant", Variant.Outlined), ("Size", Size.Small), ("StartIcon", Icons.Material.Filled.Logout), ("Class", "ma-3 nav-signout-button")),
        "spacer" => b => Component<MudSpacer>(b),
        "main content" => b => Component<MudMainContent>(b),
        "container" => b => Component<MudContainer>(b, ("MaxWidth", MaxWidth.ExtraLarge), ("Class", "pa-4")),
        "nav menu" => b => Component<MudNavMenu>(b),
        "icon" => b => Component<MudIcon>(b, ("Icon", Icons.Material.Filled.NotificationsActive), ("Size", Size.Small)),
        _ => throw new ArgumentOutOfRangeException(nameof(component), component, null),
    };

    private static void Component<T>(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder, params (string Name, object Value)[] parameters)
        where T : IComponent
    {
        builder.OpenComponent<T>(0);
        builder.AddMultipleAttributes(1, parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));
        builder.CloseComponent();
    }

    private static string[] Classes(string classes) => [.. classes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
}
