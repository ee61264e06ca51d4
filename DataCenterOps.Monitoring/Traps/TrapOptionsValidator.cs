using System.Net;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>Checks <c>Monitoring:Traps</c> when the host starts; each problem names its key.</summary>
internal sealed class TrapOptionsValidator : IValidateOptions<TrapOptions>
{
    private static readonly string[] AuthProtocols = ["MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512"];
    private static readonly string[] PrivProtocols = ["DES", "AES", "AES-192", "AES-256"];

    public ValidateOptionsResult Validate(string? name, TrapOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Key = TrapOptions.SectionName;
        var problems = new List<string>();
        if (options.Port is < 0 or > 65535)
        {
            problems.Add($"{Key}:Port must be 0-65535 (it is {options.Port})");
        }

        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            problems.Add($"{Key}:BindAddress '{options.BindAddress}' is not an IP address (use the management interface's address, or 0.0.0.0 for all)");
        }

        if (options.MaxMessageSize is < 484 or > 65507)
        {
            problems.Add($"{Key}:MaxMessageSize must be 484-65507");
        }

        if (options.QueueCapacity is < 1 or > 1_000_000)
        {
            problems.Add($"{Key}:QueueCapacity must be 1-1000000");
        }

        if (!(options.PerSourceRate > 0) || options.PerSourceBurst < 1)
        {
            problems.Add($"{Key}:PerSourceRate must be above 0 and PerSourceBurst at least 1");
        }

        if (options.LogCapacity is < 1 or > 100_000)
        {
            problems.Add($"{Key}:LogCapacity must be 1-100000");
        }

        if (!string.IsNullOrEmpty(options.EngineId) && UsmTrapSecurityProcessor.ParseEngineId(options.EngineId) is null)
        {
            problems.Add($"{Key}:EngineId must be 5-32 bytes in hex (e.g. 8000000005A1B2C3D4E5F60718)");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Users.Count; i++)
        {
            CheckUser($"{Key}:Users[{i}]", options.Users[i], seen, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckUser(string key, TrapUserOptions user, HashSet<string> seen, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(user.User))
        {
            problems.Add($"{key}: User is required");
        }
        else if (!seen.Add(user.User))
        {
            problems.Add($"{key}: User '{user.User}' appears twice");
        }

        else if (System.Text.Encoding.UTF8.GetByteCount(user.User) > 32)
        {
            problems.Add($"{key}: User must be at most 32 bytes");
        }

        if (string.IsNullOrEmpty(user.AuthProtocol) && !string.IsNullOrEmpty(user.AuthPassword))
        {
            problems.Add($"{key}: AuthPassword is set but AuthProtocol is empty");
        }

        if (string.IsNullOrEmpty(user.PrivProtocol) && !string.IsNullOrEmpty(user.PrivPassword))
        {
            problems.Add($"{key}: PrivPassword is set but PrivProtocol is empty");
        }

        var auth = !string.IsNullOrEmpty(user.AuthProtocol);
        if (auth && !AuthProtocols.Contains(user.AuthProtocol, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{key}: AuthProtocol must be one of {string.Join(", ", AuthProtocols)}");
        }

        if (auth && (user.AuthPassword?.Length ?? 0) < 8)
        {
            problems.Add($"{key}: AuthPassword must be at least 8 characters (RFC 3414)");
        }

        if (string.IsNullOrEmpty(user.PrivProtocol))
        {
            return;
        }

        if (!auth)
        {
            problems.Add($"{key}: PrivProtocol needs an AuthProtocol");
        }

        if (!PrivProtocols.Contains(user.PrivProtocol, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add($"{key}: PrivProtocol must be one of {string.Join(", ", PrivProtocols)}");
        }

        if ((user.PrivPassword?.Length ?? 0) < 8)
        {
            problems.Add($"{key}: PrivPassword must be at least 8 characters (RFC 3414)");
        }
    }
}
