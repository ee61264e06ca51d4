using System.Net;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Http;

/// <summary>
/// Pengawas duties (the Reviews page and its menu link) for a stand-in come from the process-wide directory, not a query
/// per page: a delegation given or ended on this node counts from the next request on.
/// </summary>
public sealed class StandInPolicyTests : IAsyncLifetime
{
    private readonly WebAppFactory _app = new();

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Reviews_OpenForTheStandIn_FromTheDelegation_UntilItIsEnded()
    {
        using var manager = await SignInClient.ClientAsync(_app, Roles.Manager);
        var before = await StatusAsync(manager);

        var standIn = await StandInsAsync(async (service, supervisor, managerId, now) =>
            await service.DelegateAsync(supervisor, new NewStandIn(managerId, StandInKind.Plh, now.AddMinutes(-1), now.AddDays(1), "Dinas luar kota")));
        var during = await StatusAsync(manager);
        await StandInsAsync(async (service, supervisor, _, _) => await service.EndAsync(supervisor, standIn.Id));
        var after = await StatusAsync(manager);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.OK, HttpStatusCode.Redirect), (before, during, after));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/reviews");
        return response.StatusCode;
    }

    private async Task<T> StandInsAsync<T>(Func<StandInService, Actor, string, DateTime, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DataCenterOpsDbContext>();
        var supervisorId = await db.Users.Where(u => u.Email == DemoUsers.All[0].Email).Select(u => u.Id).SingleAsync();
        var managerId = await db.Users.Where(u => u.Email == DemoUsers.All[1].Email).Select(u => u.Id).SingleAsync();
        var supervisor = await Actors.LoadAsync(db, supervisorId);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return await action(scope.ServiceProvider.GetRequiredService<StandInService>(), supervisor, managerId, now);
    }
}
