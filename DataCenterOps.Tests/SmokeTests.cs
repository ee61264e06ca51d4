namespace DataCenterOps.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void Assemblies_Load() => Assert.NotNull(typeof(DataCenterOps.Domain.DomainAssembly).Assembly);
}
