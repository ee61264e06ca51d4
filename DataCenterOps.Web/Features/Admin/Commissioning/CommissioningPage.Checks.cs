using System.Text;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Web.Features.Admin.Commissioning;

/// <summary>
/// The device rules monitoring applies (<see cref="DeviceCatalog.Problems"/>), said in the UI language before saving:
/// the monitoring validator's own sentences are English and for the log; the page never shows them.
/// </summary>
public sealed partial class CommissioningPage
{
    private const int MaxDeviceId = 64;
    private const int MaxName = 200;
    private const int MinPassword = 8;
    private const int MaxContextBytes = 32;
    private const double MinInterval = 1;
    private const double MaxInterval = 3600;

    /// <summary>Every problem of the device about to be saved, each in the UI language; empty when monitoring takes it.</summary>
    internal List<string> SaveProblems(DeviceOptions device)
    {
        var problems = new List<string>();
        void Add(string key, params object[] arguments) => problems.Add(Text[key, arguments]);

        if (string.IsNullOrWhiteSpace(device.Id))
        {
            Add("Commissioning.Problem.IdRequired");
        }
        else if (device.Id.Length > MaxDeviceId)
        {
            Add("Commissioning.Problem.IdTooLong", MaxDeviceId);
        }
        else if (Devices.Find(device.Id) is not null)
        {
            Add("Commissioning.Problem.IdTaken", device.Id);
        }

        if (device.Name.Length > MaxName)
        {
            Add("Commissioning.Problem.NameTooLong", MaxName);
        }

        if (string.IsNullOrWhiteSpace(device.Host))
        {
            Add("Commissioning.Problem.HostRequired");
        }

        if (device.Port is < 1 or > 65535)
        {
            Add("Commissioning.Problem.Port");
        }

        if (!(device.IntervalSeconds is >= MinInterval and <= MaxInterval))
        {
            Add("Commissioning.Problem.Interval", MinInterval, MaxInterval);
        }

        var profile = ProfileProblems(device, Add);
        if (device.Protocol == DeviceProtocol.ModbusTcp && device.UnitId is not (>= 0 and <= 255))
        {
            Add("Commissioning.Problem.Unit");
        }

        if (device.Protocol == DeviceProtocol.Snmp)
        {
            SnmpProblems(device, Add);
        }

        foreach (var (point, scale) in device.ScaleOverrides)
        {
            if (profile is not null && !profile.TryGetPoint(point, out _))
            {
                Add("Commissioning.Problem.ScalePoint", point, profile.Name);
            }
            else if (!double.IsFinite(scale) || scale == 0)
            {
                Add("Commissioning.Problem.ScaleInvalid", point);
            }
        }

        if (problems.Count == 0 && Devices.Problems(device) is { Count: > 0 } others)
        {
            // A rule of monitoring's this page does not say in words yet: a general sentence here, the English one in the log.
            LogRefusedByMonitoring(Logger, device.Id, string.Join("; ", others));
            Add("Commissioning.Problem.Other");
        }

        return problems;
    }

    private DeviceProfile? ProfileProblems(DeviceOptions device, Action<string, object[]> add)
    {
        if (string.IsNullOrWhiteSpace(device.Profile) || !Profiles.TryGet(device.Profile, out var profile))
        {
            add("Commissioning.Problem.ProfileUnknown", [device.Profile]);
            return null;
        }

        if (profile.Protocol != device.Protocol)
        {
            add("Commissioning.Problem.ProfileProtocol", [device.Profile]);
            return null;
        }

        return profile;
    }

    private static void SnmpProblems(DeviceOptions device, Action<string, object[]> add)
    {
        if (device.SnmpVersion != SnmpVersion.V3)
        {
            if (string.IsNullOrEmpty(device.Community))
            {
                add("Commissioning.Error.CommunityRequired", []);
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(device.V3User))
        {
            add("Commissioning.Error.UserRequired", []);
        }

        var auth = device.V3AuthPassword is not null;
        if (auth && !(device.V3AuthProtocol is { } authProtocol && AuthProtocols.Contains(authProtocol)))
        {
            add("Commissioning.Problem.AuthProtocol", [string.Join(", ", AuthProtocols)]);
        }

        if (auth && device.V3AuthPassword!.Length < MinPassword)
        {
            add("Commissioning.Error.AuthPasswordShort", []);
        }

        if (device.V3PrivPassword is not null)
        {
            if (!auth)
            {
                add("Commissioning.Problem.PrivNeedsAuth", []);
            }

            if (!(device.V3PrivProtocol is { } privProtocol && PrivProtocols.Contains(privProtocol)))
            {
                add("Commissioning.Problem.PrivProtocol", [string.Join(", ", PrivProtocols)]);
            }

            if (device.V3PrivPassword.Length < MinPassword)
            {
                add("Commissioning.Error.PrivPasswordShort", []);
            }
        }

        if (device.V3Context is { } context && Encoding.UTF8.GetByteCount(context) > MaxContextBytes)
        {
            add("Commissioning.Problem.ContextTooLong", [MaxContextBytes]);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Commissioning of {DeviceId} refused by the monitoring rules: {Problems}")]
    private static partial void LogRefusedByMonitoring(ILogger logger, string deviceId, string problems);
}
