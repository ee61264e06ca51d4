using Microsoft.AspNetCore.DataProtection;

namespace DataCenterOps.Domain.Facilities;

/// <summary>
/// Protects a commissioned device's community and SNMPv3 passwords with ASP.NET Core Data Protection, purpose
/// <see cref="Purpose"/> (keys in Storage:DataDirectory/keys, as the sign-in cookies): a database copy without that
/// folder holds no usable secret.
/// </summary>
public sealed class DeviceSecretProtector(IDataProtectionProvider provider)
{
    /// <summary>The Data Protection purpose string; changing it makes every stored device secret unreadable.</summary>
    public const string Purpose = "DataCenterOps.Facilities.CommissionedDevice.Secrets.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string? Protect(string? secret) => string.IsNullOrEmpty(secret) ? null : _protector.Protect(secret);

    public string? Unprotect(string? protectedSecret) => string.IsNullOrEmpty(protectedSecret) ? null : _protector.Unprotect(protectedSecret);
}
