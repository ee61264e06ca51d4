namespace DataCenterOps.Domain;

/// <summary>Marks the Domain assembly (for scanning and tests).</summary>
public static class DomainAssembly;
