using System.Net.Sockets;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using Microsoft.Extensions.Configuration;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// <c>dotnet run --project DataCenterOps.Web -- probe snmp://HOST[:PORT] | modbus://HOST[:PORT]?unit=N [options]</c>:
/// reads a device before it is added. SNMP: sysDescr, sysObjectID, the profile that fits (or <c>--profile</c>);
/// then, for either protocol, every point of the profile through the reader the poller uses, built from the same
/// <see cref="DeviceOptions"/> a configured device would have, with raw and scaled value, unit and a plausibility
/// check. Exit codes: 0 read (even with implausible values), 2 usage error, 4 device unreachable, timed out or refusing.
/// </summary>
public static class ProbeCommand
{
    public const string Name = "probe";
    public const int ReadOk = 0;
    public const int UsageError = 2;
    public const int DeviceError = 4;

    public const string Usage = """
        Usage: DataCenterOps.Web probe snmp://HOST[:PORT] [SNMP options] [--profile NAME] [--scale POINT=FACTOR]...
               DataCenterOps.Web probe modbus://HOST[:PORT][?unit=N] (--profile NAME | --kind KIND) [--scale POINT=FACTOR]...
        SNMP v2c:  -c, --community NAME        (default public; port 161)
        SNMP v3:   -v 3 -u USER -l noAuthNoPriv|authNoPriv|authPriv
                   -a MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512 -A AUTH-PASSWORD
                   -x DES|AES|AES-192|AES-256 -X PRIV-PASSWORD -n CONTEXT
                   (long forms --snmp-version, --v3-user, --v3-level, --v3-auth-protocol, --v3-auth-password,
                    --v3-priv-protocol, --v3-priv-password, --v3-context)
        Modbus:    unit id in the address (default 1; port 502); --kind Ups|Genset|Cooling|FireSuppression|Environment
                   picks the only Modbus profile of that kind
        Both:      --profile NAME  read with this profile (SNMP: instead of the match by sysObjectID / upsIdent)
                   --scale POINT=FACTOR  try a scale override (as Monitoring:Devices:N:ScaleOverrides)
                   -t, --timeout SECONDS (default 2)   -r, --retries N (default 1)
        Secrets:   -c, -A and -X take env:NAME to read the environment variable NAME instead
        Exit codes: 0 read (implausible values are flagged, not failed), 2 usage error, 4 device unreachable / timeout / refused.
        """;

    public static bool IsProbe(IReadOnlyList<string> args) => args is { Count: > 0 } && args[0] == Name;

    /// <summary>Loads the profile catalog as the app does (shipped profiles and Monitoring:ProfilesDirectory) and probes.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        ProfileCatalog catalog;
        try
        {
            catalog = ProfileCatalog.Load(configuration.GetSection(ProfileCatalogOptions.SectionName).Get<ProfileCatalogOptions>()?.ProfilesDirectory);
        }
        catch (ProfileValidationException ex)
        {
            await Console.Out.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return UsageError;
        }

        return await RunAsync(args, catalog, Console.Out, cancellationToken).ConfigureAwait(false);
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> args, ProfileCatalog catalog, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(output);
        if (args is [_, "--help" or "-h"])
        {
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return ReadOk;
        }

        try
        {
            var request = ProbeRequest.Parse(args);
            await output.WriteLineAsync($"probe {request.Address} — {request.Security}").ConfigureAwait(false);
            var report = await new DeviceProbe(catalog).ProbeAsync(request.Device, request.Profile, request.Kind, cancellationToken).ConfigureAwait(false);
            if (report.Identity is { } identity)
            {
                await output.WriteLineAsync($"sysDescr     {identity.SysDescr ?? "(not served)"}").ConfigureAwait(false);
                await output.WriteLineAsync($"sysObjectID  {identity.SysObjectId?.ToString() ?? "(not served)"}").ConfigureAwait(false);
                if (identity.Manufacturer is not null)
                {
                    await output.WriteLineAsync($"upsIdent     {identity.Manufacturer} {identity.Model}".TrimEnd()).ConfigureAwait(false);
                }
            }

            if (report.Profile is not { } profile)
            {
                var names = string.Join(", ", catalog.Profiles.Where(p => p.Protocol == DeviceProtocol.Snmp).Select(p => p.Name).Order(StringComparer.Ordinal));
                throw new ProbeUsageException($"No SNMP profile matches this agent (neither its sysObjectID nor RFC 1628 upsIdent); give --profile NAME ({names}).");
            }

            var why = report.Choice switch
            {
                ProbeProfileChoice.Given => "given",
                ProbeProfileChoice.OnlyModbusProfile => report.Reason,
                _ => $"matched: {report.Reason}",
            };
            await output.WriteLineAsync($"profile      {profile} ({why})").ConfigureAwait(false);
            await output.WriteLineAsync().ConfigureAwait(false);
            await ProbeTable.WriteAsync(output, catalog.Get(profile), report).ConfigureAwait(false);
            return ReadOk;
        }
        catch (ProbeUsageException ex)
        {
            await output.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            await output.WriteLineAsync(Usage).ConfigureAwait(false);
            return UsageError;
        }
        catch (Exception ex) when (ex is SnmpException or ModbusException or SocketException)
        {
            await output.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return DeviceError;
        }
    }
}
