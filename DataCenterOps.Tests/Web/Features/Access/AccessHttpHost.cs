using System.Net.Http.Json;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCenterOps.Tests.Web.Features.Access;

/// <summary>A minimal host: the domain on a real SQLite file, AddAccessRegister/MapAccessRegister, a header-driven test sign-in.</summary>
public sealed class AccessHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _directory;

    private AccessHttpHost(WebApplication app, string directory)
    {
        _app = app;
        _directory = directory;
    }

    public IServiceProvider Services => _app.Services;

    public static async Task<AccessHttpHost> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dcops-access-http-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = directory });
        builder.AddDomain();
        builder.AddAccessRegister();
        DataCenterOps.Web.Shared.Display.DisplayServiceCollectionExtensions.AddDisplayClock(builder.Services);
        builder.Services.AddAuthentication(TestAuthHandler.SchemeName).AddScheme<AuthenticationSchemeOptions, TestAuthHandler>(TestAuthHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapAccessRegister();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
            await db.Database.MigrateAsync();
            await AccessDatabase.SeedUsersAsync(db);
        }

        await app.StartAsync();
        return new AccessHttpHost(app, directory);
    }

    /// <summary>A client signed in as <paramref name="userId"/> with the given cookie roles; null: anonymous.</summary>
    public HttpClient Client(string? userId, params string[] roles)
    {
        var client = _app.GetTestClient();
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Add("X-Test-User", userId);
            client.DefaultRequestHeaders.Add("X-Test-Roles", string.Join(',', roles));
        }

        return client;
    }

    public static async Task<Guid> IdOfAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<IdBody>())!.Id;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    private sealed record IdBody(Guid Id);
}
