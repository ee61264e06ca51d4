using System.Net;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Traps;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DataCenterOps.Tests.Web.Http;

/// <summary><c>Node:Roles</c> on the real app: what a node without Poller, Jobs or Web does not run or serve.</summary>
public sealed class NodeRolesTests
{
    [Fact]
    public async Task ANodeWithAllRoles_RunsThePoller_TheTrapReceiver_AndTheHangfireServer()
    {
        await using var app = Node("Web, Poller, Jobs");

        var hosted = HostedServiceNames(app);

        Assert.Contains(nameof(DevicePoller), hosted);
        Assert.Contains(nameof(LeaseKeeper), hosted);
        Assert.Contains(nameof(TrapReceiver), hosted);
        Assert.Contains("BackgroundJobServerHostedService", hosted);
    }

    [Fact]
    public async Task AWebOnlyNode_RunsNoPoller_NoTrapReceiver_NoHangfireServer_ButServesPagesAndTheDashboard()
    {
        await using var app = Node("Web");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var hosted = HostedServiceNames(app);
        using var login = await client.GetAsync("/Account/Login");
        using var hangfire = await client.GetAsync("/hangfire");

        Assert.DoesNotContain(nameof(DevicePoller), hosted);
        Assert.DoesNotContain(nameof(LeaseKeeper), hosted);
        Assert.DoesNotContain(nameof(TrapReceiver), hosted);
        Assert.DoesNotContain("BackgroundJobServerHostedService", hosted);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.NotEqual(HttpStatusCode.NotFound, hangfire.StatusCode);
        Assert.Contains("/board", Routes(app));
    }

    [Fact]
    public async Task APollerOnlyNode_ServesNoPages_ButServesMetrics()
    {
        await using var app = Node("Poller");
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var login = await client.GetAsync("/Account/Login");
        using var board = await client.GetAsync("/board");
        using var hangfire = await client.GetAsync("/hangfire");
        var metrics = await client.GetStringAsync("/metrics");

        // No page is mapped: the sign-in page itself is gone (only the fallback challenge answers), as is the dashboard.
        Assert.NotEqual(HttpStatusCode.OK, login.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, board.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, hangfire.StatusCode);
        Assert.DoesNotContain("BackgroundJobServerHostedService", HostedServiceNames(app));
        var routes = Routes(app);
        Assert.Contains("/metrics", routes);
        Assert.DoesNotContain("/board", routes);
        Assert.DoesNotContain("/Account/Login", routes);
        Assert.DoesNotContain(routes, r => r.StartsWith("/hangfire", StringComparison.Ordinal));
        Assert.Contains(nameof(DevicePoller), HostedServiceNames(app));
        Assert.Contains("dcops_node_devices{node=\"roles-test\"} ", metrics, StringComparison.Ordinal);
    }

    private static WebAppFactory Node(string roles)
    {
        var app = new WebAppFactory();
        app.ExtraSettings["Node:Roles"] = roles;
        app.ExtraSettings["Node:Name"] = "roles-test";
        app.ExtraSettings["Hangfire:Enabled"] = "true";
        return app;
    }

    private static List<string> Routes(WebAppFactory app) =>
        [.. app.Services.GetServices<EndpointDataSource>().SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))];

    /// <summary>The hosted services this node runs: those without a role gate, and the gated ones whose role it has.</summary>
    private static List<string> HostedServiceNames(WebAppFactory app) =>
        [.. app.Services.GetServices<IHostedService>()
            .Where(s => s is not NodeRoleGate { Runs: false })
            .Select(s => (s is NodeRoleGate gate ? gate.Inner : s).GetType().Name)];
}
