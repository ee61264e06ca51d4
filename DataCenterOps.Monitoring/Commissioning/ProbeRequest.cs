using System.Globalization;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Monitoring.Commissioning;

/// <summary>
/// The probe's command line turned into the <see cref="DeviceOptions"/> the poller would hold for the device, so
/// that the probe reads through the very same reader. SNMPv3 options are spelled as net-snmp's (<c>-v 3 -u -l -a -A
/// -x -X -n</c>), with long forms beside them (<c>--v3-user</c> …).
/// </summary>
internal sealed record ProbeRequest(DeviceOptions Device, string? Profile, DeviceKind? Kind)
{
    public const int DefaultSnmpPort = 161;
    public const int DefaultModbusPort = 502;
    public const string DefaultCommunity = "public";
    public const byte DefaultUnitId = 1;

    /// <summary>A secret option's value <c>env:NAME</c> reads the environment variable NAME.</summary>
    public const string EnvironmentPrefix = "env:";

    private static readonly UsmConfiguration.Keys V3Keys = new("-u (--v3-user)", "-a (--v3-auth-protocol)", "-A (--v3-auth-password)", "-x (--v3-priv-protocol)", "-X (--v3-priv-password)");

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["-c"] = "--community",
        ["-v"] = "--snmp-version",
        ["-u"] = "--v3-user",
        ["-l"] = "--v3-level",
        ["-a"] = "--v3-auth-protocol",
        ["-A"] = "--v3-auth-password",
        ["-x"] = "--v3-priv-protocol",
        ["-X"] = "--v3-priv-password",
        ["-n"] = "--v3-context",
        ["-t"] = "--timeout",
        ["-r"] = "--retries",
    };

    private static readonly HashSet<string> Known =
    [
        "--community", "--snmp-version", "--v3-user", "--v3-level", "--v3-auth-protocol", "--v3-auth-password",
        "--v3-priv-protocol", "--v3-priv-password", "--v3-context", "--timeout", "--retries", "--profile", "--kind", "--scale",
    ];

    /// <summary>The address as the probe shows it (no credentials).</summary>
    public string Address => Device.Protocol == DeviceProtocol.Snmp
        ? string.Create(CultureInfo.InvariantCulture, $"snmp://{HostText}:{Device.Port}")
        : string.Create(CultureInfo.InvariantCulture, $"modbus://{HostText}:{Device.Port}?unit={Device.UnitId}");

    /// <summary>How the device is addressed, never a password or community.</summary>
    public string Security => Device.Protocol != DeviceProtocol.Snmp
        ? string.Create(CultureInfo.InvariantCulture, $"Modbus TCP, unit {Device.UnitId}")
        : Device.SnmpVersion == SnmpVersion.V2c
            ? "SNMP v2c (community given, not shown)"
            : DescribeV3((SnmpUsmCredentials)Polling.SnmpDeviceReader.Credentials(Device));

    private string HostText => Device.Host.Contains(':', StringComparison.Ordinal) ? $"[{Device.Host}]" : Device.Host;

    /// <summary>Parses <c>probe URL [options]</c>.</summary>
    /// <exception cref="ProbeUsageException">Anything the operator must change, named by its option.</exception>
    public static ProbeRequest Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var scales = new Dictionary<string, double>(StringComparer.Ordinal);
        string? url = null;
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                url = url is null ? arg : throw new ProbeUsageException($"Give one device address; '{url}' and '{arg}' are two.");
                continue;
            }

            string name;
            string? value = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 2)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            else
            {
                name = Aliases.GetValueOrDefault(arg, arg);
            }

            if (!Known.Contains(name))
            {
                throw new ProbeUsageException($"Unknown option '{arg}'.");
            }

            if (value is null)
            {
                value = i + 1 < args.Count ? args[++i] : throw new ProbeUsageException($"Option '{arg}' needs a value.");
            }

            if (name == "--scale")
            {
                AddScale(scales, value);
            }
            else if (!options.TryAdd(name, value))
            {
                throw new ProbeUsageException($"Option '{arg}' is given twice.");
            }
        }

        if (url is null)
        {
            throw new ProbeUsageException("Give the device address, e.g. snmp://192.0.2.10:161 or modbus://192.0.2.20:502?unit=1.");
        }

        var device = FromUrl(url);
        device.ScaleOverrides = scales;
        device.TimeoutSeconds = Number(options, "--timeout", 2, 0.05, 60);
        device.Retries = (int)Number(options, "--retries", 1, 0, 5);
        DeviceKind? kind = options.TryGetValue("--kind", out var kindText)
            ? Enum.TryParse<DeviceKind>(kindText, ignoreCase: true, out var k) && Enum.IsDefined(k)
                ? k
                : throw new ProbeUsageException($"--kind '{kindText}' is not known (known: {string.Join(", ", Enum.GetNames<DeviceKind>())}).")
            : null;
        if (device.Protocol == DeviceProtocol.Snmp)
        {
            ApplySnmp(device, options);
        }
        else if (options.Keys.FirstOrDefault(o => o.StartsWith("--v3-", StringComparison.Ordinal) || o is "--community" or "--snmp-version") is { } snmpOnly)
        {
            throw new ProbeUsageException($"{snmpOnly} is an SNMP option; a modbus:// device takes its unit id in the address (?unit=N).");
        }

        return new ProbeRequest(device, options.GetValueOrDefault("--profile"), kind);
    }

    internal static DeviceOptions FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new ProbeUsageException($"'{url}' is not a device address; write snmp://HOST[:PORT] or modbus://HOST[:PORT][?unit=N].");
        }

        var protocol = uri.Scheme switch
        {
            "snmp" => DeviceProtocol.Snmp,
            "modbus" => DeviceProtocol.ModbusTcp,
            _ => throw new ProbeUsageException($"'{uri.Scheme}://' is not a probe scheme; use snmp:// or modbus://."),
        };
        if (uri.UserInfo.Length > 0)
        {
            throw new ProbeUsageException("Do not put credentials in the address; use --community or the -u/-A/-X options.");
        }

        if (uri.AbsolutePath is not ("" or "/") || uri.Fragment.Length > 0)
        {
            throw new ProbeUsageException($"'{url}' has a path; write only scheme://HOST[:PORT].");
        }

        var device = new DeviceOptions
        {
            Id = "probe",
            Name = "probe",
            Protocol = protocol,
            Host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host,
            Port = uri.Port is > 0 and <= 65535 ? uri.Port : protocol == DeviceProtocol.Snmp ? DefaultSnmpPort : DefaultModbusPort,
            IntervalSeconds = 10,
        };
        var query = uri.Query.TrimStart('?');
        if (protocol == DeviceProtocol.Snmp)
        {
            if (query.Length > 0)
            {
                throw new ProbeUsageException("An snmp:// address takes no query; give credentials with --community or the -v 3 options.");
            }

            return device;
        }

        device.UnitId = DefaultUnitId;
        foreach (var part in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = part.IndexOf('=', StringComparison.Ordinal) is var eq and >= 0 ? (part[..eq], part[(eq + 1)..]) : (part, "");
            device.UnitId = key == "unit" && byte.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var unit)
                ? unit
                : throw new ProbeUsageException($"'{part}' in the address is not understood; the query takes unit=0…255.");
        }

        return device;
    }

    private static void ApplySnmp(DeviceOptions device, Dictionary<string, string> options)
    {
        var v3Given = options.Keys.Any(o => o.StartsWith("--v3-", StringComparison.Ordinal));
        var version = options.GetValueOrDefault("--snmp-version") ?? (v3Given ? "3" : "2c");
        switch (version)
        {
            case "2c":
                if (v3Given)
                {
                    throw new ProbeUsageException("The -u/-l/-a/-A/-x/-X/-n options are SNMPv3 options; use -v 3 with them.");
                }

                device.SnmpVersion = SnmpVersion.V2c;
                device.Community = Secret(options, "--community") ?? DefaultCommunity;
                return;
            case "3":
                if (options.ContainsKey("--community"))
                {
                    throw new ProbeUsageException("SNMPv3 has no community; use -u USER (and -n CONTEXT).");
                }

                ApplyV3(device, options);
                return;
            case "1":
                throw new ProbeUsageException("SNMPv1 is not supported; use -v 2c or -v 3.");
            default:
                throw new ProbeUsageException($"-v '{version}' is not an SNMP version; use 2c or 3.");
        }
    }

    private static void ApplyV3(DeviceOptions device, Dictionary<string, string> options)
    {
        var authPassword = Secret(options, "--v3-auth-password");
        var privPassword = Secret(options, "--v3-priv-password");
        var authProtocol = options.GetValueOrDefault("--v3-auth-protocol");
        var privProtocol = options.GetValueOrDefault("--v3-priv-protocol");
        switch (options.GetValueOrDefault("--v3-level")?.ToUpperInvariant())
        {
            case null:
                break;
            case "NOAUTHNOPRIV":
                (authPassword, authProtocol, privPassword, privProtocol) = (null, null, null, null);
                break;
            case "AUTHNOPRIV":
                (privPassword, privProtocol) = (null, null);
                Require(authPassword, "-l authNoPriv needs -A AUTH-PASSWORD (and -a PROTOCOL).");
                break;
            case "AUTHPRIV":
                Require(authPassword, "-l authPriv needs -A AUTH-PASSWORD (and -a PROTOCOL).");
                Require(privPassword, "-l authPriv needs -X PRIV-PASSWORD (and -x PROTOCOL).");
                break;
            default:
                throw new ProbeUsageException($"-l '{options["--v3-level"]}' is not a security level; use noAuthNoPriv, authNoPriv or authPriv.");
        }

        var user = options.GetValueOrDefault("--v3-user");
        var problems = UsmConfiguration.Problems(V3Keys, user, authProtocol, authPassword, privProtocol, privPassword).ToList();
        if (problems.Count > 0)
        {
            throw new ProbeUsageException(string.Join("; ", problems) + ".");
        }

        device.SnmpVersion = SnmpVersion.V3;
        device.V3User = user;
        device.V3AuthProtocol = authProtocol;
        device.V3AuthPassword = authPassword;
        device.V3PrivProtocol = privProtocol;
        device.V3PrivPassword = privPassword;
        device.V3Context = options.GetValueOrDefault("--v3-context");
    }

    /// <summary>A secret given as <c>env:NAME</c> is read from that environment variable (kept out of ps and shell history).</summary>
    private static string? Secret(Dictionary<string, string> options, string name)
    {
        if (!options.TryGetValue(name, out var value) || !value.StartsWith(EnvironmentPrefix, StringComparison.Ordinal))
        {
            return value;
        }

        var variable = value[EnvironmentPrefix.Length..];
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } secret
            ? secret
            : throw new ProbeUsageException($"{name} {value}: the environment variable {variable} is not set.");
    }

    private static void Require(string? value, string message)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ProbeUsageException(message);
        }
    }

    private static void AddScale(Dictionary<string, double> scales, string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !double.TryParse(text[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || !double.IsFinite(scale) || scale == 0)
        {
            throw new ProbeUsageException($"--scale '{text}' must be POINT=FACTOR with a non-zero number, e.g. --scale battery.voltage=0.01.");
        }

        scales[text[..eq]] = scale;
    }

    private static double Number(Dictionary<string, string> options, string name, double fallback, double min, double max)
    {
        if (!options.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ProbeUsageException(string.Create(CultureInfo.InvariantCulture, $"{name} '{text}' must be a number from {min} to {max}."));
    }

    private static string DescribeV3(SnmpUsmCredentials credentials)
    {
        var protocols = credentials.SecurityLevel switch
        {
            SnmpSecurityLevel.AuthPriv => $" {SnmpUsmProtocolNames.Name(credentials.AuthProtocol)}/{SnmpUsmProtocolNames.Name(credentials.PrivProtocol)}",
            SnmpSecurityLevel.AuthNoPriv => $" {SnmpUsmProtocolNames.Name(credentials.AuthProtocol)}",
            _ => "",
        };
        var context = credentials.ContextName.Length > 0 ? $", context '{credentials.ContextName}'" : "";
        var level = credentials.SecurityLevel.ToString();
        return $"SNMP v3, user '{credentials.User}', {char.ToLowerInvariant(level[0])}{level[1..]}{protocols}{context} (passwords not shown)";
    }
}
