using DataCenterOps.Tests.TestSupport;
using System.Security.Claims;
using Bunit;
using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Auditing;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Web.Features.Access;
using DataCenterOps.Web.Features.Access.Pages;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using static DataCenterOps.Tests.TestSupport.TestDatabase;

namespace DataCenterOps.Tests.Web.Features.Access;

/// <summary>The pages render against a real database: occupancy shows who is in, refusals show as a message, the tile updates live.</summary>
public sealed class AccessPageTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = new();
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await CreateAccessAsync();
        _ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        _ctx.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        _ctx.Services.AddScoped(_ => _db.NewContext());
        _ctx.Services.AddSingleton<TimeProvider>(_db.Time);
        _ctx.Services.AddSingleton(_db.Changes);
        _ctx.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(_db.AccessOptions));
        _ctx.Services.AddScoped<AccessRegisterService>();
        _ctx.Services.AddScoped<AuditLog>();
        _ctx.Services.AddScoped<DataCenterOps.Domain.People.PeopleDirectory>();
        _ctx.Services.AddScoped<DataCenterOps.Web.Shared.Components.ActionPageActor>();
        _ctx.Services.AddScoped<DataCenterOps.Web.Shared.Sites.SiteContext>();
        _ctx.Services.AddScoped<DataCenterOps.Domain.Assignments.LetterQueries>();
        _ctx.Services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        DataCenterOps.Web.Shared.Display.DisplayServiceCollectionExtensions.AddDisplayClock(_ctx.Services);
        _ctx.Services.AddSingleton<AccessAlarmBoard>();
        _ctx.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        _ctx.Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        _ctx.Services.AddUiLocalization(); // The shell injects IStringLocalizer<Ui> L into every component.
        var auth = _ctx.AddAuthorization();
        auth.SetAuthorized("operator");
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, Operator));
        _ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await _db.LetterAsync(TimeSpan.FromHours(-1), TimeSpan.FromDays(1));
    }

    public async Task DisposeAsync()
    {
        await _ctx.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task RegisterPage_ShowsWhoIsInside_AndARefusalAsAMessage()
    {
        await RegisterAsync(Inspector);
        _ctx.Render<MudPopoverProvider>();
        var page = _ctx.Render<AccessRegisterPage>();

        page.WaitForAssertion(() => Assert.Equal("1", page.Find("[data-testid=occupancy-count]").TextContent));
        Assert.NotNull(page.Find("#staff-submit"));
        Assert.NotNull(page.Find("[data-testid=exit-button]"));

        page.Find("#staff-submit").Click();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=access-error]")));
    }

    [Fact]
    public async Task OccupancyTile_UpdatesWhenSomeoneIsRegistered()
    {
        var tile = _ctx.Render<OccupancyTile>();
        tile.WaitForAssertion(() => Assert.Equal("0", tile.Find("[data-testid=occupancy-tile-count]").TextContent));

        await RegisterAsync(Manager);

        tile.WaitForAssertion(() => Assert.Equal("1", tile.Find("[data-testid=occupancy-tile-count]").TextContent));
        Assert.Contains("Pengelola", tile.Markup, StringComparison.Ordinal);
    }

    private async Task RegisterAsync(string userId)
    {
        await using var db = _db.NewContext();
        await _db.Register(db).RegisterStaffEntryAsync(await ActorAsync(db, Operator), Staff(userId));
    }
}
