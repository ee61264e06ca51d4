using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Web.Access;
using DataCenterOps.Web.Hosting;
using DataCenterOps.Web.Room;

// `dotnet run --project DataCenterOps.Web -- simulate` runs only the simulated room (for training, or to test another tool).
if (args is ["simulate", ..])
{
    await SimulatorStandalone.RunAsync(args[1..], CancellationToken.None);
    return;
}

var builder = WebApplication.CreateBuilder(args);
// `dotnet run` outside Development still serves package assets (MudBlazor) and scoped CSS from the build.
builder.WebHost.UseStaticWebAssets();
builder.AddSharedConfiguration();
builder.AddDomain();
builder.AddWebApp();
builder.AddMonitoring();
builder.AddSimulator();
builder.AddRoomDashboard();
builder.AddAccessRegister();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseWebApp();
app.MapMonitoringEndpoints();
app.MapSimulatorEndpoints();
app.MapRoomDashboard();
app.MapAccessRegister();
app.MapWebApp();
app.Run();
