namespace DataCenterOps.Monitoring.Profiles;

/// <summary>A profile or point name that the catalog does not know.</summary>
public sealed class ProfileNotFoundException(string message) : KeyNotFoundException(message);
