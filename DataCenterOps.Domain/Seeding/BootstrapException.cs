namespace DataCenterOps.Domain.Seeding;

/// <summary>The first Administrator or the demo data could not be created (e.g. a password the policy refuses).</summary>
public sealed class BootstrapException(string message) : Exception(message);
