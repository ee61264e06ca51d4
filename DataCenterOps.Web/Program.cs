using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Monitoring;
using DataCenterOps.Monitoring.Simulation;
using DataCenterOps.Web.Hosting;

// `dotnet run --project DataCenterOps.Web -- simulate` runs only the simulated room (for training, or to test another tool).
if (args is ["simulate", ..])
{
    await SimulatorStandalone.RunAsync(args[1..], CancellationToken.None);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSharedConfiguration();
builder.AddDomain();
builder.AddWebApp();
builder.AddMonitoring();
builder.AddSimulator();

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseWebApp();
app.MapMonitoringEndpoints();
app.MapSimulatorEndpoints();
app.MapWebApp();
app.Run();
