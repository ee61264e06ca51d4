using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Devices;

/// <summary>Checks every device entry at start-up and names the bad one, e.g. "Monitoring:Devices[3] 'crac-2': Port must be 1–65535".</summary>
internal sealed class MonitoringOptionsValidator(ProfileCatalog catalog) : IValidateOptions<MonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        var failures = new List<string>();
        if (options.MissedPollsForCommLost < 1)
        {
            failures.Add("Monitoring:MissedPollsForCommLost must be at least 1");
        }

        if (options.MaxConcurrentPolls is < 1)
        {
            failures.Add("Monitoring:MaxConcurrentPolls must be at least 1 (or unset, to fit the fleet)");
        }

        if (options.LeaseSeconds is < 1 or > 3600)
        {
            failures.Add("Monitoring:LeaseSeconds must be 1–3600");
        }

        if (options.PollerGroup is { Length: > 100 })
        {
            failures.Add("Monitoring:PollerGroup must be at most 100 characters");
        }

        ValidateHistory(options.History, failures);
        failures.AddRange(options.DevicesFileProblems);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Devices.Count; i++)
        {
            var device = options.Devices[i];
            var prefix = Label(options, i, device);
            foreach (var problem in DeviceProblems(device))
            {
                failures.Add($"{prefix}: {problem}");
            }

            if (!string.IsNullOrWhiteSpace(device.Id) && !seen.Add(device.Id))
            {
                failures.Add($"{prefix}: Id is used by another device");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>"Monitoring:Devices[3] 'crac-2'", or "Monitoring:DevicesFile line 12 'crac-2'" for a device from the file.</summary>
    private static string Label(MonitoringOptions options, int index, DeviceOptions device)
    {
        var fromFile = index - options.DevicesFileStart;
        return options.DevicesFileStart >= 0 && fromFile >= 0 && fromFile < options.DevicesFileLines.Count
            ? $"{MonitoringDevicesFileSetup.Key} line {options.DevicesFileLines[fromFile]} '{device.Id}'"
            : $"Monitoring:Devices[{index}] '{device.Id}'";
    }

    internal IEnumerable<string> DeviceProblems(DeviceOptions device)
    {
        if (string.IsNullOrWhiteSpace(device.Id))
        {
            yield return "Id is required";
        }

        if (!Enum.IsDefined(device.Kind))
        {
            yield return "Kind must be Ups, Genset, Cooling, FireSuppression or Environment";
        }

        if (!Enum.IsDefined(device.Protocol))
        {
            yield return "Protocol must be Snmp or ModbusTcp";
        }

        if (string.IsNullOrWhiteSpace(device.Host))
        {
            yield return "Host is required";
        }

        if (device.Port is < 1 or > 65535)
        {
            yield return "Port must be 1–65535";
        }

        if (string.IsNullOrWhiteSpace(device.Profile))
        {
            yield return "Profile is required";
        }
        else if (!catalog.TryGet(device.Profile, out var profile))
        {
            yield return $"Profile '{device.Profile}' is not known (known: {string.Join(", ", catalog.Profiles.Select(p => p.Name).Order(StringComparer.Ordinal))})";
        }
        else if (profile.Protocol != device.Protocol)
        {
            yield return $"Profile '{device.Profile}' is for {profile.Protocol} devices, not {device.Protocol}";
        }

        if (!(device.IntervalSeconds is >= 0.05 and <= 86_400))
        {
            yield return "IntervalSeconds must be between 0.05 and 86400";
        }

        if (device.TimeoutSeconds is { } timeout && !(timeout is > 0 and <= 60))
        {
            yield return "TimeoutSeconds must be between 0 and 60";
        }

        if (device.PollerGroup is { Length: > 100 })
        {
            yield return "PollerGroup must be at most 100 characters";
        }

        if (device.Retries is < 0 or > 5)
        {
            yield return "Retries must be 0–5";
        }

        if (device.Protocol == DeviceProtocol.Snmp)
        {
            foreach (var problem in SnmpProblems(device))
            {
                yield return problem;
            }
        }

        if (device.Protocol == DeviceProtocol.ModbusTcp && device.UnitId is not (>= 0 and <= 255))
        {
            yield return "UnitId (0–255) is required for a Modbus TCP device";
        }

        foreach (var (point, scale) in device.ScaleOverrides)
        {
            if (!double.IsFinite(scale) || scale == 0)
            {
                yield return $"ScaleOverrides '{point}' must be a finite non-zero number";
            }
        }

        foreach (var (point, limits) in device.Thresholds)
        {
            if (ThresholdProblem(limits) is { } problem)
            {
                yield return $"Thresholds '{point}': {problem}";
            }
        }
    }

    private static readonly UsmConfiguration.Keys V3Keys = new("V3User", "V3AuthProtocol", "V3AuthPassword", "V3PrivProtocol", "V3PrivPassword");

    private static IEnumerable<string> SnmpProblems(DeviceOptions device)
    {
        switch (device.SnmpVersion)
        {
            case SnmpVersion.V2c:
                if (string.IsNullOrEmpty(device.Community))
                {
                    yield return "Community is required for an SNMP device";
                }

                if (device.V3User is not null || device.V3AuthPassword is not null || device.V3PrivPassword is not null)
                {
                    yield return "V3User/V3AuthPassword/V3PrivPassword are set but SnmpVersion is V2c (set SnmpVersion to V3)";
                }

                break;
            case SnmpVersion.V3:
                foreach (var problem in UsmConfiguration.Problems(V3Keys, device.V3User, device.V3AuthProtocol, device.V3AuthPassword,
                    device.V3PrivProtocol, device.V3PrivPassword))
                {
                    yield return problem;
                }

                if (device.V3Context is { } context && System.Text.Encoding.UTF8.GetByteCount(context) > 32)
                {
                    yield return "V3Context must be at most 32 bytes";
                }

                break;
            default:
                yield return "SnmpVersion must be V2c or V3";
                break;
        }
    }

    private static string? ThresholdProblem(ThresholdOptions t)
    {
        if (t.Hysteresis is < 0 || t.OnDelaySeconds is < 0)
        {
            return "Hysteresis and OnDelaySeconds must not be negative";
        }

        if (t.LowCritical > t.LowWarning || t.HighWarning > t.HighCritical || t.LowWarning > t.HighWarning)
        {
            return "limits must be ordered LowCritical ≤ LowWarning ≤ HighWarning ≤ HighCritical";
        }

        return null;
    }

    private static void ValidateHistory(HistoryOptions history, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(history.DatabaseFile))
        {
            failures.Add("Monitoring:History:DatabaseFile is required");
        }

        if (history.RawRetentionDays < 1 || history.RollupRetentionDays < 1)
        {
            failures.Add("Monitoring:History retention must be at least 1 day");
        }

        if (history.FlushIntervalMilliseconds is < 0 or > 60_000)
        {
            failures.Add("Monitoring:History:FlushIntervalMilliseconds must be 0–60000");
        }

        if (history.BufferCapacity < 1 || history.BatchSize < 1 || history.BacklogBatchSize < 1 || history.CommandTimeoutSeconds < 1)
        {
            failures.Add("Monitoring:History BufferCapacity, BatchSize, BacklogBatchSize and CommandTimeoutSeconds must be positive");
        }

        if (history.RollupIntervalSeconds <= 0 || history.RetentionIntervalMinutes <= 0)
        {
            failures.Add("Monitoring:History RollupIntervalSeconds and RetentionIntervalMinutes must be positive");
        }
    }
}
