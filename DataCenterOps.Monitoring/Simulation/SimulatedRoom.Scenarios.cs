using DataCenterOps.Monitoring.Modbus.Server;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Monitoring.Snmp.Agent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Monitoring.Simulation;

/// <summary>The room's scenarios: starting, stopping and resetting them, and applying the active ones each step.</summary>
public sealed partial class SimulatedRoom
{
    public void Start(string scenario, string? deviceId = null)
    {
        var definition = Definition(scenario);
        lock (_gate)
        {
            var target = ResolveTarget(definition, deviceId);
            AdvanceTo(_time.GetUtcNow());
            if (!_active.Any(a => a.Name == definition.Name && a.DeviceId == target))
            {
                _active.Add(new ActiveScenario(definition.Name, target, _last));
                SimulatorLog.ScenarioStarted(_logger, definition.Name, target ?? "room");
            }

            ApplyScenarios();
            PublishAll();
        }

        ScenariosChanged?.Invoke(this, EventArgs.Empty);
    }

    public void Stop(string scenario, string? deviceId = null)
    {
        var definition = Definition(scenario);
        lock (_gate)
        {
            var device = string.IsNullOrEmpty(deviceId) ? null : Find(deviceId).Id;
            AdvanceTo(_time.GetUtcNow());
            var removed = _active.RemoveAll(a => a.Name == definition.Name && (device is null || a.DeviceId == device));
            if (removed > 0)
            {
                SimulatorLog.ScenarioStopped(_logger, definition.Name, device ?? "all");
            }

            ApplyScenarios();
            PublishAll();
        }

        ScenariosChanged?.Invoke(this, EventArgs.Empty);
    }

    public void Reset()
    {
        lock (_gate)
        {
            _active.Clear();
            Rebuild();
            SimulatorLog.RoomReset(_logger);
        }

        ScenariosChanged?.Invoke(this, EventArgs.Empty);
    }

    private static ScenarioDefinition Definition(string scenario) =>
        ScenarioDefinition.All.FirstOrDefault(d => string.Equals(d.Name, scenario, StringComparison.OrdinalIgnoreCase))
        ?? throw new SimulatorException(SimulatorError.UnknownScenario,
            $"Unknown scenario '{scenario}'. Known: {string.Join(", ", ScenarioDefinition.All.Select(d => d.Name))}.");

    private string? ResolveTarget(ScenarioDefinition definition, string? deviceId)
    {
        var given = string.IsNullOrEmpty(deviceId) ? null : Find(deviceId);
        switch (definition.DeviceUse)
        {
            case ScenarioDeviceUse.None when given is not null:
                throw new SimulatorException(SimulatorError.DeviceNotAllowed, $"Scenario '{definition.Name}' acts on the whole room; do not name a device.");
            case ScenarioDeviceUse.None:
                return null;
            case ScenarioDeviceUse.Required when given is null:
                throw new SimulatorException(SimulatorError.DeviceRequired, $"Scenario '{definition.Name}' needs a device id.");
            case ScenarioDeviceUse.Required:
                return given!.Id;
        }

        if (given is not null)
        {
            return definition.Kinds.Contains(given.Profile.Kind)
                ? given.Id
                : throw new SimulatorException(SimulatorError.DeviceNotAllowed,
                    $"Scenario '{definition.Name}' applies to {string.Join(" or ", definition.Kinds)} devices; '{given.Id}' is {given.Profile.Kind}.");
        }

        foreach (var kind in definition.Kinds)
        {
            var first = _devices.FirstOrDefault(d => d.Profile.Kind == kind);
            if (first is not null)
            {
                return first.Id;
            }
        }

        throw new SimulatorException(SimulatorError.UnknownDevice, $"The room has no {string.Join(" or ", definition.Kinds)} device for '{definition.Name}'.");
    }

    private void ExpireScenarios()
    {
        if (_options.MainsFailureDuration is not { } duration)
        {
            return;
        }

        var expired = _active.RemoveAll(a => a.Name == SimulatorScenarios.MainsFailure && _last - a.StartedAt >= duration);
        if (expired > 0)
        {
            SimulatorLog.ScenarioStopped(_logger, SimulatorScenarios.MainsFailure, "room (duration elapsed)");
            ApplyScenarios();
        }
    }

    /// <summary>Carries the active scenarios into the room state and the devices' faults.</summary>
    private void ApplyScenarios()
    {
        var gensetFails = _room.IsActive(SimulatorScenarios.GensetFailToStart);
        _room.GensetFailsToStart = gensetFails;
        _room.BatteryDrainFactor = gensetFails ? _options.GensetFailToStartDrainFactor : 1;
        var mains = !_room.IsActive(SimulatorScenarios.MainsFailure) && !gensetFails;
        if (mains != _room.MainsAvailable)
        {
            _room.MainsAvailable = mains;
            _room.MainsChangedAt = _room.Elapsed;
        }

        foreach (var device in _devices)
        {
            var fault = _active.LastOrDefault(a => a.DeviceId == device.Id
                && a.Name is SimulatorScenarios.DeviceSilent or SimulatorScenarios.DeviceGarbage);
            var wanted = fault?.Name switch
            {
                SimulatorScenarios.DeviceSilent => SimulatedFault.Silent,
                SimulatorScenarios.DeviceGarbage => SimulatedFault.Garbage,
                _ => SimulatedFault.None,
            };
            if (device.Fault != wanted)
            {
                device.Fault = wanted;
            }
        }
    }
}
