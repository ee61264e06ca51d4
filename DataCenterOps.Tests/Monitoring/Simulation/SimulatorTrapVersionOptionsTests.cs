using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Simulation;

namespace DataCenterOps.Tests.Monitoring.Simulation;

/// <summary>Simulator:TrapVersion and Simulator:TrapUser are checked at start.</summary>
public sealed class SimulatorTrapVersionOptionsTests
{
    private static readonly ProfileCatalog Catalog = ProfileCatalog.Load();

    private static SimulatorOptions V3(string? trapUser) => new()
    {
        TrapVersion = SimulatorTrapVersion.V3,
        TrapUser = trapUser,
        V3Users = [new() { User = "dcops-sim", AuthProtocol = "SHA-256", AuthPassword = "long-enough-auth", PrivProtocol = "AES", PrivPassword = "long-enough-priv" }],
    };

    [Fact]
    public void TrapVersion_DefaultsToV2c_AndNeedsNoTrapUser()
    {
        var options = new SimulatorOptions();

        Assert.Equal(SimulatorTrapVersion.V2c, options.TrapVersion);
        Assert.True(new SimulatorOptionsValidator(Catalog).Validate(null, options).Succeeded);
    }

    [Fact]
    public void TrapVersionV3_WithoutTrapUser_FailsNamingTheKey()
    {
        var result = new SimulatorOptionsValidator(Catalog).Validate(null, V3(null));

        Assert.False(result.Succeeded);
        Assert.Contains("Simulator:TrapUser is required with Simulator:TrapVersion V3", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TrapVersionV3_WithATrapUserNotInV3Users_Fails()
    {
        var result = new SimulatorOptionsValidator(Catalog).Validate(null, V3("nobody"));

        Assert.False(result.Succeeded);
        Assert.Contains("Simulator:TrapUser 'nobody' is not one of Simulator:V3Users", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("long-enough", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void TrapVersionV3_WithOneOfTheV3Users_IsValid()
    {
        Assert.True(new SimulatorOptionsValidator(Catalog).Validate(null, V3("dcops-sim")).Succeeded);
    }
}
