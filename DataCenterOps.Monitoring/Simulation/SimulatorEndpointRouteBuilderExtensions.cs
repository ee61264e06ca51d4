using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

public static class SimulatorEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the simulator API under /api/v1/simulator, open to <paramref name="policy"/> (the web app's Administrators):
    /// GET scenarios, POST scenarios/{name}/start?device=…, POST scenarios/{name}/stop?device=…, POST reset, GET devices.
    /// </summary>
    public static RouteGroupBuilder MapSimulatorEndpoints(this IEndpointRouteBuilder endpoints, string policy)
    {
        var group = endpoints.MapGroup("/api/v1/simulator")
            .RequireAuthorization(policy)
            .WithTags("Simulator");

        group.MapGet("/scenarios", (ISimulatorControl control, IOptions<SimulatorOptions> options) =>
            Enabled(options) ?? Results.Ok(control.Scenarios));
        group.MapGet("/devices", (ISimulatorControl control, IOptions<SimulatorOptions> options) =>
            Enabled(options) ?? Results.Ok(control.Devices));
        group.MapPost("/scenarios/{name}/start", (string name, string? device, ISimulatorControl control, IOptions<SimulatorOptions> options) =>
            Enabled(options) ?? Run(() => control.Start(name, device), control, name));
        group.MapPost("/scenarios/{name}/stop", (string name, string? device, ISimulatorControl control, IOptions<SimulatorOptions> options) =>
            Enabled(options) ?? Run(() => control.Stop(name, device), control, name));
        group.MapPost("/reset", (ISimulatorControl control, IOptions<SimulatorOptions> options) =>
            Enabled(options) ?? Run(control.Reset, control, null));
        return group;
    }

    private static IResult? Enabled(IOptions<SimulatorOptions> options) =>
        options.Value.Enabled ? null : Results.Problem("The simulator is disabled (Simulator:Enabled = false).", statusCode: StatusCodes.Status404NotFound);

    private static IResult Run(Action action, ISimulatorControl control, string? scenario)
    {
        try
        {
            action();
        }
        catch (SimulatorException ex)
        {
            var status = ex.Error == SimulatorError.UnknownScenario ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest;
            return Results.Problem(ex.Message, statusCode: status);
        }

        return scenario is null
            ? Results.Ok(control.Scenarios)
            : Results.Ok(control.Scenarios.First(s => string.Equals(s.Name, scenario, StringComparison.OrdinalIgnoreCase)));
    }
}
