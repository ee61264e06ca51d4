using DataCenterOps.Monitoring.Profiles;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Checks the simulated devices against the profile catalog when the host starts.</summary>
internal sealed class SimulatorOptionsValidator(ProfileCatalog catalog) : IValidateOptions<SimulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var problems = SimulatorDeviceLayout.Check(options, catalog);
        problems.AddRange(SimulatorV3Users.Problems(options));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
