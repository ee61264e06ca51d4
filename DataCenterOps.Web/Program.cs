using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Commissioning;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Web.Features.Access;
using DataCenterOps.Web.Features.Admin.Commissioning;
using DataCenterOps.Web.Shared.Display;
using DataCenterOps.Web.Shared.Hosting;
using DataCenterOps.Web.Features.Room;
using DataCenterOps.Web.Features.Routine;
using DataCenterOps.Web.Features.Routine.Backup;
using DataCenterOps.Web.Features.Routine.Notifications;
using Microsoft.Extensions.Options;

// `-- simulate` runs only the simulated room (training, or testing another tool against it);
// `-- restore <backup>` restores the database from a verified backup while the app is stopped;
// `-- probe snmp://host:161 | modbus://host:502?unit=1` reads a device before it is added (exit 0 read, 2 usage, 4 device error);
// `-- verify-evidence` checks the evidence chains against the key and the anchors (exit 0 intact, 3 tampered, 2 error);
// `-- verify-pack FILE.zip` checks an evidence pack offline (exit 0 intact, 3 tampered, 2 usage or unreadable file).
if (args is ["simulate", ..])
{
    await SimulatorStandalone.RunAsync(args[1..], CancellationToken.None);
    return 0;
}

if (BackupRestoreCommand.IsRestore(args))
{
    return await BackupRestoreCommand.RunAsync(args);
}

if (ProbeCommand.IsProbe(args))
{
    return await ProbeCommand.RunAsync(args);
}

if (VerifyEvidenceCommand.IsVerifyEvidence(args))
{
    return await VerifyEvidenceCommand.RunAsync(args);
}

if (VerifyPackCommand.IsVerifyPack(args))
{
    return await VerifyPackCommand.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` outside Development still serves package assets (MudBlazor) and scoped CSS from the build.
builder.WebHost.UseStaticWebAssets();
builder.AddSharedConfiguration();
builder.AddDomain();
builder.AddWebApp();
builder.AddMonitoring();
builder.AddCommissioning();
builder.AddRoomDashboard();
builder.AddAccessRegister();
builder.AddAccessMonitoringBridge();
builder.AddRoutine();
builder.AddAlarmNotifications();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseWebApp();
app.MapMonitoringEndpoints(Policies.Api);
// Node:Roles without Web (a poller or jobs node): /metrics and the API above, no pages.
if (app.Services.GetRequiredService<IOptions<NodeOptions>>().Value.Has(NodeRoles.Web))
{
    // Its POSTs are browser-callable with the cookie: antiforgery as for every other state-changing endpoint.
    app.MapSimulatorEndpoints(Policies.Administrators).AddEndpointFilter<BrowserAntiforgeryFilter>();
    app.MapRoomDashboard();
    app.MapAccessRegister();
    app.MapWebApp();
    app.MapRoutine();
}
try
{
    await app.StartAsync();
}
catch (Exception ex) when (StartupFailure.PortInUse(ex) is { } line)
{
    // A second copy, or another program on our port: one plain line and exit code 10 (README, "Exit codes").
    await Console.Error.WriteLineAsync(line);
    return StartupFailure.PortInUseExitCode;
}

await app.WaitForShutdownAsync();
return 0;
