using System.Text.Json;
using DataCenterOps.Monitoring.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Devices;

/// <summary>
/// Every device monitoring knows: those under <c>Monitoring:Devices</c> (fixed at start), then those from the
/// <see cref="IAdditionalDeviceSource"/>s (loaded by <see cref="RefreshAsync"/>, which the poller calls at start and
/// after each change signal). An additional device that fails the same checks as a configured one, or reuses an id,
/// is left out and logged (never its secrets). Readers get an immutable list; it is replaced, never changed.
/// </summary>
public sealed partial class DeviceCatalog
{
    private readonly DeviceOptions[] _configured;
    private readonly HashSet<string> _configuredIds;
    private readonly IAdditionalDeviceSource[] _sources;
    private readonly MonitoringOptionsValidator _validator;
    private readonly ILogger<DeviceCatalog> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile State _state;

    public DeviceCatalog(IOptions<MonitoringOptions> options, ProfileCatalog profiles, IEnumerable<IAdditionalDeviceSource> sources, ILogger<DeviceCatalog> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _configured = [.. options.Value.Devices];
        _configuredIds = _configured.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        _sources = [.. sources];
        _validator = new MonitoringOptionsValidator(profiles);
        _logger = logger;
        _state = new State(_configured, _configured.ToDictionary(d => d.Id, StringComparer.Ordinal), [], 0);
    }

    /// <summary>Configured devices in configuration order, then the additional ones in the order their source gave.</summary>
    public IReadOnlyList<DeviceOptions> All => _state.All;

    /// <summary>Grows with every refresh that changed something (cheap "is my copy current?" check).</summary>
    public long Version => _state.Version;

    public DeviceOptions? Find(string deviceId) => _state.ById.GetValueOrDefault(deviceId);

    /// <summary>True for a device from <c>Monitoring:Devices</c> (appsettings.json), which the database cannot replace or remove.</summary>
    public bool IsConfigured(string deviceId) => _configuredIds.Contains(deviceId);

    /// <summary>What is wrong with a device before it is added (same rules as configuration, and the id must be free); empty when none.</summary>
    public IReadOnlyList<string> Problems(DeviceOptions device)
    {
        ArgumentNullException.ThrowIfNull(device);
        var problems = _validator.DeviceProblems(device).ToList();
        if (!string.IsNullOrWhiteSpace(device.Id) && _state.ById.ContainsKey(device.Id))
        {
            problems.Add($"Id '{device.Id}' is used by another device");
        }

        return problems;
    }

    /// <summary>Calls <paramref name="onChanged"/> when any source signals a change.</summary>
    public IDisposable OnSourcesChanged(Action onChanged)
    {
        var subscriptions = _sources.Select(s => s.OnChanged(onChanged)).ToArray();
        return new Subscriptions(subscriptions);
    }

    /// <summary>Reloads the additional devices; returns which devices came and went (a changed device goes and comes back).</summary>
    public async Task<DeviceCatalogChange> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = new List<DeviceOptions>();
            foreach (var source in _sources)
            {
                loaded.AddRange(await source.LoadAsync(cancellationToken).ConfigureAwait(false));
            }

            var old = _state;
            // Looked up by id and by reference, never by scanning: a refresh of 10,000 devices must not cost 10,000².
            var previous = old.Additional.ToDictionary(d => d.Id, StringComparer.Ordinal);
            var additional = new List<DeviceOptions>();
            var ids = new HashSet<string>(_configuredIds, StringComparer.Ordinal);
            foreach (var device in loaded)
            {
                var problems = _validator.DeviceProblems(device).ToList();
                if (!string.IsNullOrWhiteSpace(device.Id) && !ids.Add(device.Id))
                {
                    problems.Add("Id is used by another device");
                }

                if (problems.Count > 0)
                {
                    LogSkipped(_logger, device.Id, string.Join("; ", problems));
                    continue;
                }

                // Unchanged devices keep their object, so running poll loops and snapshots stay the same.
                additional.Add(previous.TryGetValue(device.Id, out var same) && SameSettings(same, device) ? same : device);
            }

            var kept = new HashSet<DeviceOptions>(additional, ReferenceEqualityComparer.Instance);
            var before = new HashSet<DeviceOptions>(old.Additional, ReferenceEqualityComparer.Instance);
            var removed = old.Additional.Where(d => !kept.Contains(d)).Select(d => d.Id).ToList();
            var added = additional.Where(d => !before.Contains(d)).ToList();
            if (removed.Count > 0 || added.Count > 0)
            {
                DeviceOptions[] all = [.. _configured, .. additional];
                _state = new State(all, all.ToDictionary(d => d.Id, StringComparer.Ordinal), [.. additional], old.Version + 1);
            }

            return new DeviceCatalogChange(added, removed);
        }
        finally
        {
            _refresh.Release();
        }
    }

    // Compared in memory only; the serialised form (with secrets) is never kept or written.
    private static bool SameSettings(DeviceOptions a, DeviceOptions b) =>
        JsonSerializer.Serialize(a) == JsonSerializer.Serialize(b);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Additional device {DeviceId} is not monitored: {Problems}")]
    private static partial void LogSkipped(ILogger logger, string deviceId, string problems);

    private sealed record State(DeviceOptions[] All, Dictionary<string, DeviceOptions> ById, DeviceOptions[] Additional, long Version);

    private sealed class Subscriptions(IDisposable[] inner) : IDisposable
    {
        public void Dispose()
        {
            foreach (var subscription in inner)
            {
                subscription.Dispose();
            }
        }
    }
}
