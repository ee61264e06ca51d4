using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSharedConfiguration();
builder.AddDomain();
builder.AddWebApp();
// Monitoring registers here (builder.AddMonitoring()).

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseWebApp();
// Monitoring endpoints map here (app.MapMonitoringEndpoints()).
app.MapWebApp();
app.Run();
