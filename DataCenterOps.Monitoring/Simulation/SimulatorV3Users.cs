using System.Globalization;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Checks and builds the simulator agent's SNMPv3 users and engine ID (Simulator:V3Users, Simulator:EngineId).</summary>
internal static class SimulatorV3Users
{
    private static readonly UsmConfiguration.Keys Keys = new("User", "AuthProtocol", "AuthPassword", "PrivProtocol", "PrivPassword");

    public static IEnumerable<string> Problems(SimulatorOptions options)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.V3Users.Count; i++)
        {
            var user = options.V3Users[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Simulator:V3Users[{i}] '{user.User}'");
            foreach (var problem in UsmConfiguration.Problems(Keys, user.User, user.AuthProtocol, user.AuthPassword, user.PrivProtocol, user.PrivPassword))
            {
                yield return $"{prefix}: {problem}";
            }

            if (!string.IsNullOrEmpty(user.User) && !seen.Add(user.User))
            {
                yield return $"{prefix}: User is given twice";
            }
        }

        if (options.TrapVersion == SimulatorTrapVersion.V3)
        {
            if (string.IsNullOrWhiteSpace(options.TrapUser))
            {
                yield return "Simulator:TrapUser is required with Simulator:TrapVersion V3 (the name of one of Simulator:V3Users)";
            }
            else if (!options.V3Users.Exists(u => string.Equals(u.User, options.TrapUser, StringComparison.Ordinal)))
            {
                yield return $"Simulator:TrapUser '{options.TrapUser}' is not one of Simulator:V3Users";
            }
        }
        else if (!Enum.IsDefined(options.TrapVersion))
        {
            yield return "Simulator:TrapVersion must be V2c or V3";
        }

        if (!string.IsNullOrEmpty(options.EngineId) && EngineId(options) is null)
        {
            yield return "Simulator:EngineId must be 5–32 bytes in hex (e.g. 8000000005A1B2C3D4E5F60718)";
        }
    }

    public static List<SnmpUsmCredentials> Credentials(SimulatorOptions options) =>
        [.. options.V3Users.Select(u => UsmConfiguration.Create(u.User, u.AuthProtocol, u.AuthPassword, u.PrivProtocol, u.PrivPassword, ""))];

    /// <summary>The credentials of Simulator:TrapUser (validated to be one of Simulator:V3Users).</summary>
    public static SnmpUsmCredentials TrapCredentials(SimulatorOptions options)
    {
        var user = options.V3Users.Single(u => string.Equals(u.User, options.TrapUser, StringComparison.Ordinal));
        return UsmConfiguration.Create(user.User, user.AuthProtocol, user.AuthPassword, user.PrivProtocol, user.PrivPassword, "");
    }

    /// <summary>The configured engine ID; empty when none is set, null when it is not valid hex of 5–32 bytes.</summary>
    public static byte[]? EngineId(SimulatorOptions options)
    {
        if (string.IsNullOrEmpty(options.EngineId))
        {
            return [];
        }

        try
        {
            var bytes = Convert.FromHexString(options.EngineId);
            return bytes.Length is >= 5 and <= 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
