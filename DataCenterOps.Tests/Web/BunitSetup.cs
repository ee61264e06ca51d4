using DataCenterOps.Tests.TestSupport;
using System.Security.Claims;
using Bunit;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.Domain;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DataCenterOps.Tests.Web;

/// <summary>
/// Shared bUnit setup: loose JS interop, MudBlazor services, interactive Server renderer info, the real domain
/// services on a real SQLite file, and a signed-in person. Disposed asynchronously (MudBlazor needs it).
/// </summary>
public abstract class BunitSetup : IAsyncLifetime
{
    private TestDatabase? _database;

    protected BunitContext Context { get; } = new();

    internal TestDatabase Database => _database ?? throw new InvalidOperationException("Not initialised.");

    public virtual async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateSopAsync();
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Database.Directory,
        }).Build();
        Context.Services.AddSingleton<IConfiguration>(configuration);
        Context.Services.AddSingleton<TimeProvider>(Database.Time);
        Context.Services.AddDataCenterOpsDomain(configuration);
        Context.Services.AddMudServices(o => o.SnackbarConfiguration.ShowTransitionDuration = 0);
        Context.Services.AddUiLocalization();
        Context.Services.AddDisplayClock();
        Context.Services.AddScoped<PrivilegeCheck>();
        Context.Services.AddScoped<DataCenterOps.Web.Shared.Components.ActionPageActor>();
        Context.Services.AddScoped<DataCenterOps.Web.Shared.Sites.SiteContext>();
    }

    /// <summary>Signs a person in; call once, before rendering (it completes the service registrations).</summary>
    protected void SignIn(string userId)
    {
        Context.AddAuthorization().SetAuthorized(userId).SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));
        // Touches the renderer, which freezes the service provider: last.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public async Task DisposeAsync()
    {
        await Context.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
