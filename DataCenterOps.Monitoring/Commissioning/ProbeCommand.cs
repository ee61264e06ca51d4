using System.Net;
using System.Net.Sockets;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Polling;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

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
            var device = request.Device;
            if (device.Protocol == DeviceProtocol.Snmp)
            {
                await using var client = new SnmpClient();
                device.Profile = await ChooseSnmpProfileAsync(client, request, catalog, output, cancellationToken).ConfigureAwait(false);
                return await ReadAsync(new SnmpDeviceReader(client, catalog), device, catalog, output, cancellationToken).ConfigureAwait(false);
            }

            device.Profile = ChooseModbusProfile(request, catalog);
            var why = request.Profile is not null ? "given" : request.Kind is { } kind ? $"the only Modbus profile of kind {kind}" : "the only Modbus profile";
            await output.WriteLineAsync($"profile      {device.Profile} ({why})").ConfigureAwait(false);
            await using var reader = new ModbusDeviceReader(catalog, TimeProvider.System, NullLoggerFactory.Instance);
            return await ReadAsync(reader, device, catalog, output, cancellationToken).ConfigureAwait(false);
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

    private static async Task<string> ChooseSnmpProfileAsync(
        SnmpClient client, ProbeRequest request, ProfileCatalog catalog, TextWriter output, CancellationToken cancellationToken)
    {
        var forced = request.Profile is null ? null : Known(catalog, request.Profile, DeviceProtocol.Snmp);
        var device = request.Device;
        var target = new SnmpTarget(await EndpointAsync(device, cancellationToken).ConfigureAwait(false), SnmpDeviceReader.Credentials(device))
        {
            Timeout = device.RequestTimeout,
            Retries = device.Retries,
        };
        var identity = SnmpIdentity.From(await client.GetAsync(target, SnmpIdentity.Oids, cancellationToken).ConfigureAwait(false));
        await output.WriteLineAsync($"sysDescr     {identity.SysDescr ?? "(not served)"}").ConfigureAwait(false);
        await output.WriteLineAsync($"sysObjectID  {identity.SysObjectId?.ToString() ?? "(not served)"}").ConfigureAwait(false);
        if (identity.Manufacturer is not null)
        {
            await output.WriteLineAsync($"upsIdent     {identity.Manufacturer} {identity.Model}".TrimEnd()).ConfigureAwait(false);
        }

        if (forced is not null)
        {
            await output.WriteLineAsync($"profile      {forced.Name} (given)").ConfigureAwait(false);
            return forced.Name;
        }

        if (identity.Match(catalog) is not { } match)
        {
            var names = string.Join(", ", catalog.Profiles.Where(p => p.Protocol == DeviceProtocol.Snmp).Select(p => p.Name).Order(StringComparer.Ordinal));
            throw new ProbeUsageException($"No SNMP profile matches this agent (neither its sysObjectID nor RFC 1628 upsIdent); give --profile NAME ({names}).");
        }

        await output.WriteLineAsync($"profile      {match.Profile.Name} (matched: {match.Reason})").ConfigureAwait(false);
        return match.Profile.Name;
    }

    private static string ChooseModbusProfile(ProbeRequest request, ProfileCatalog catalog)
    {
        if (request.Profile is not null)
        {
            return Known(catalog, request.Profile, DeviceProtocol.ModbusTcp).Name;
        }

        var candidates = catalog.Profiles
            .Where(p => p.Protocol == DeviceProtocol.ModbusTcp && (request.Kind is null || p.Kind == request.Kind))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new ProbeUsageException(candidates.Count == 0
                ? $"No Modbus profile is of kind {request.Kind}; give --profile NAME."
                : $"A Modbus device needs --profile NAME{(request.Kind is null ? " or --kind KIND" : "")}: {string.Join(", ", candidates)}.");
    }

    private static DeviceProfile Known(ProfileCatalog catalog, string name, DeviceProtocol protocol)
    {
        var names = string.Join(", ", catalog.Profiles.Where(p => p.Protocol == protocol).Select(p => p.Name).Order(StringComparer.Ordinal));
        if (!catalog.TryGet(name, out var profile))
        {
            throw new ProbeUsageException($"--profile '{name}' is not known ({protocol} profiles: {names}).");
        }

        return profile.Protocol == protocol
            ? profile
            : throw new ProbeUsageException($"--profile '{name}' is a {profile.Protocol} profile; this address is {protocol} ({names}).");
    }

    private static async Task<int> ReadAsync(IDeviceReader reader, DeviceOptions device, ProfileCatalog catalog, TextWriter output, CancellationToken cancellationToken)
    {
        var profile = catalog.Get(device.Profile);
        device.Kind = profile.Kind;
        var unknown = device.ScaleOverrides.Keys.Where(k => !profile.TryGetPoint(k, out _)).ToList();
        if (unknown.Count > 0)
        {
            throw new ProbeUsageException($"--scale names no point of {profile.Name}: {string.Join(", ", unknown)}.");
        }

        var points = DeviceProfiles.PointsOf(catalog, device);
        var result = await reader.ReadAsync(device, cancellationToken).ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        await ProbeTable.WriteAsync(output, points, result).ConfigureAwait(false);
        return ReadOk;
    }

    private static async Task<IPEndPoint> EndpointAsync(DeviceOptions device, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(device.Host, out var literal))
        {
            return new IPEndPoint(literal, device.Port);
        }

        var addresses = await Dns.GetHostAddressesAsync(device.Host, cancellationToken).ConfigureAwait(false);
        var address = addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? throw new SnmpException($"Host '{device.Host}' has no IPv4 address.");
        return new IPEndPoint(address, device.Port);
    }
}
