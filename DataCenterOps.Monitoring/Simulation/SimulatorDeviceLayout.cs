using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>Turns <see cref="SimulatorOptions.Devices"/> (or the default room) into devices, checking ids, profiles and addresses.</summary>
internal static class SimulatorDeviceLayout
{
    public static IReadOnlyList<SimulatedDeviceOptions> Defaults { get; } =
    [
        new() { Id = "ups-1", Profile = "ups-rfc1628", Community = "ups-1" },
        new() { Id = "ups-2", Profile = "ups-rfc1628", Community = "ups-2" },
        new() { Id = "env-1", Profile = "env-snmp", Community = "env-1" },
        new() { Id = "genset-1", Profile = "genset-dse-gencomm", UnitId = 1 },
        new() { Id = "crac-1", Profile = "crac-modbus", UnitId = 2 },
        new() { Id = "crac-2", Profile = "crac-modbus", UnitId = 3 },
        new() { Id = "fire-1", Profile = "fire-panel-modbus", UnitId = 4 },
        new() { Id = "env-2", Profile = "env-modbus", UnitId = 5 },
        new() { Id = "meter-utility", Profile = "meter-eastron-sdm630", UnitId = 6 },
        new() { Id = "pdu-a01", Profile = "pdu-apc-rpdu2", Community = "pdu-a01" },
        new() { Id = "pdu-a02", Profile = "pdu-apc-rpdu2", Community = "pdu-a02" },
    ];

    public static IReadOnlyList<SimulatedDeviceOptions> Configured(SimulatorOptions options) =>
        options.Devices is { Count: > 0 } devices ? devices : Defaults;

    /// <summary>The problems with the configured devices; empty when they can be built.</summary>
    public static List<string> Check(SimulatorOptions options, ProfileCatalog catalog)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var communities = new HashSet<string>(StringComparer.Ordinal);
        var units = new HashSet<int>();
        problems.AddRange(options.DevicesFileProblems);
        var configured = Configured(options);
        for (var i = 0; i < configured.Count; i++)
        {
            var d = configured[i];
            var label = string.IsNullOrWhiteSpace(d.Id) ? "(no id)" : d.Id;
            var section = Section(options, i);
            if (string.IsNullOrWhiteSpace(d.Id))
            {
                problems.Add($"{section}: every device needs an Id.");
            }
            else if (!ids.Add(d.Id))
            {
                problems.Add($"{section}: device id '{d.Id}' is used twice.");
            }

            if (!catalog.TryGet(d.Profile, out var profile))
            {
                problems.Add($"{section} '{label}': unknown profile '{d.Profile}'.");
                continue;
            }

            if (profile.Protocol == DeviceProtocol.Snmp)
            {
                if (d.UnitId is not null)
                {
                    problems.Add($"{section} '{label}': profile '{d.Profile}' is SNMP; give a Community, not a UnitId.");
                }

                var community = d.Community ?? d.Id;
                if (!string.IsNullOrEmpty(community) && !communities.Add(community))
                {
                    problems.Add($"{section} '{label}': community '{community}' is used twice.");
                }
            }
            else
            {
                if (d.Community is not null)
                {
                    problems.Add($"{section} '{label}': profile '{d.Profile}' is Modbus; give a UnitId, not a Community.");
                }

                if (d.UnitId is not (>= 0 and <= 255))
                {
                    problems.Add($"{section} '{label}': a Modbus device needs a UnitId 0…255.");
                }
                else if (!units.Add(d.UnitId.Value))
                {
                    problems.Add($"{section} '{label}': unit id {d.UnitId} is used twice.");
                }
            }
        }

        return problems;
    }

    /// <summary>"Simulator:Devices", or "Simulator:DevicesFile line 12" for a device read from the file.</summary>
    private static string Section(SimulatorOptions options, int index)
    {
        var fromFile = index - options.DevicesFileStart;
        return options.DevicesFileStart >= 0 && fromFile >= 0 && fromFile < options.DevicesFileLines.Count
            ? $"{SimulatorDevicesFileSetup.Key} line {options.DevicesFileLines[fromFile]}"
            : "Simulator:Devices";
    }

    /// <exception cref="InvalidOperationException">The configuration breaks a rule of <see cref="Check"/>.</exception>
    public static List<SimulatedDevice> Build(SimulatorOptions options, ProfileCatalog catalog)
    {
        var problems = Check(options, catalog);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        return Configured(options)
            .Select(d =>
            {
                var profile = catalog.Get(d.Profile);
                return profile.Protocol == DeviceProtocol.Snmp
                    ? new SimulatedDevice(d.Id, profile, d.Community ?? d.Id, null)
                    : new SimulatedDevice(d.Id, profile, null, (byte)d.UnitId!.Value);
            })
            .ToList();
    }
}
