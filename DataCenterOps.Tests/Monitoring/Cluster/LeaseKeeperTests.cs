using DataCenterOps.Monitoring.Cluster;
using DataCenterOps.Monitoring.Devices;
using DataCenterOps.Monitoring.Profiles;

namespace DataCenterOps.Tests.Monitoring.Cluster;

/// <summary>Poller leases on real PostgreSQL 15: claim, renew, fair split, expiry and takeover, epochs refusing stale writes, poller groups.</summary>
public sealed class LeaseKeeperTests : IAsyncLifetime
{
    private LeaseDatabase _db = null!;

    public async Task InitializeAsync() => _db = await LeaseDatabase.CreateAsync();

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [Fact]
    public async Task ANodeAlone_ClaimsEveryDevice_AtEpochOne()
    {
        var devices = LeaseDatabase.Devices(5);
        var a = _db.Node("a", devices);

        await a.CycleAsync(CancellationToken.None);

        Assert.Equal(devices.Select(d => d.Id), a.HeldDevices());
        Assert.All(devices, d => Assert.Equal(1, a.CurrentEpoch(d.Id)));
        Assert.Equal(5, await _db.ScalarAsync("SELECT count(*) FROM monitoring.device_leases WHERE owner_node = 'a' AND expires_at > now()"));
    }

    [Fact]
    public async Task TwoNodes_SplitTheRoomEvenly_EachDeviceWithExactlyOneOwner()
    {
        var devices = LeaseDatabase.Devices(7);
        var a = _db.Node("a", devices);
        var b = _db.Node("b", devices);

        await LeaseDatabase.RoundsAsync(3, a, b);

        var onA = a.HeldDevices();
        var onB = b.HeldDevices();
        Assert.Empty(onA.Intersect(onB));
        Assert.Equal(devices.Select(d => d.Id).Order(StringComparer.Ordinal), onA.Concat(onB).Order(StringComparer.Ordinal));
        Assert.InRange(onA.Count, 3, 4);
        Assert.InRange(onB.Count, 3, 4);
        var counts = await a.CountsAsync(CancellationToken.None);
        Assert.Equal([new NodeDeviceCount("a", onA.Count), new NodeDeviceCount("b", onB.Count)], counts);
        Assert.Equal(counts, await b.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Renewal_ExtendsTheLease_WithoutRaisingTheEpoch()
    {
        var a = _db.Node("a", LeaseDatabase.Devices(2));
        await a.CycleAsync(CancellationToken.None);
        await _db.ExecuteAsync("UPDATE monitoring.device_leases SET expires_at = now() + interval '1 second'");

        await a.CycleAsync(CancellationToken.None);

        Assert.Equal(2, await _db.ScalarAsync("SELECT count(*) FROM monitoring.device_leases WHERE owner_node = 'a' AND epoch = 1 AND expires_at > now() + interval '5 seconds'"));
        Assert.Equal(1, a.CurrentEpoch("ups-01"));
    }

    [Fact]
    public async Task ADeadNodesDevices_AreTakenOverByTheSurvivor_WithARaisedEpoch()
    {
        var devices = LeaseDatabase.Devices(6);
        var a = _db.Node("a", devices);
        var b = _db.Node("b", devices);
        await LeaseDatabase.RoundsAsync(3, a, b);
        var wereOnA = a.HeldDevices();
        Assert.Equal(3, wereOnA.Count);

        await _db.ExpireAsync("a"); // a died: its heartbeat and leases ran out
        await LeaseDatabase.RoundsAsync(1, b);

        Assert.Equal(devices.Select(d => d.Id), b.HeldDevices());
        Assert.All(wereOnA, id => Assert.True(b.CurrentEpoch(id) > 1));
        Assert.Equal([new NodeDeviceCount("b", 6)], await b.CountsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task APausedNodeWakingAfterTakeover_HasItsStaleWritesRefused_AndStopsPolling()
    {
        var devices = LeaseDatabase.Devices(4);
        var a = _db.Node("a", devices);
        await a.CycleAsync(CancellationToken.None);
        var stale = a.CurrentEpoch("ups-01")!.Value;
        await _db.ExecuteAsync("CREATE TABLE probe_readings (device_id text, node text, epoch bigint)");

        // a is paused (SIGSTOP) past its lease; b takes the room over meanwhile.
        await _db.ExpireAsync("a");
        var b = _db.Node("b", devices);
        await b.CycleAsync(CancellationToken.None);
        var current = b.CurrentEpoch("ups-01")!.Value;

        // a wakes and writes what it polled before: the guarded statement matches no lease row.
        var staleRows = await GuardedWriteAsync("ups-01", "a", stale);
        var currentRows = await GuardedWriteAsync("ups-01", "b", current);

        Assert.Equal(stale + 1, current);
        Assert.Equal(0, staleRows);
        Assert.Equal(1, currentRows);
        Assert.False(await a.IsCurrentAsync("ups-01", stale, CancellationToken.None));
        Assert.True(await b.IsCurrentAsync("ups-01", current, CancellationToken.None));
        await a.CycleAsync(CancellationToken.None);
        Assert.Null(a.CurrentEpoch("ups-01"));
        Assert.Equal("b", await OwnerAsync("ups-01"));
    }

    [Fact]
    public async Task AGracefulStop_ReleasesTheLeases_SoTheOtherNodeTakesThemAtOnce()
    {
        var devices = LeaseDatabase.Devices(6);
        var a = _db.Node("a", devices);
        var b = _db.Node("b", devices);
        await LeaseDatabase.RoundsAsync(3, a, b);

        await a.ReleaseAllAsync(CancellationToken.None);
        await b.CycleAsync(CancellationToken.None);

        Assert.Empty(a.HeldDevices());
        Assert.Equal(6, b.HeldDevices().Count);
        Assert.Equal(0, await _db.ScalarAsync("SELECT count(*) FROM monitoring.poller_nodes WHERE node_name = 'a'"));
    }

    [Fact]
    public async Task ADeviceWithAPollerGroup_IsLeasedOnlyByNodesOfThatGroup()
    {
        DeviceOptions[] devices = [.. LeaseDatabase.Devices(4), .. LeaseDatabase.Devices(4, group: "kutai-barat", prefix: "kb-ups-")];
        var central = _db.Node("central", devices);
        var regency = _db.Node("regency", devices, group: "kutai-barat");
        var other = _db.Node("other-regency", devices, group: "berau");

        await LeaseDatabase.RoundsAsync(3, central, regency, other);
        Assert.Equal(["kb-ups-01", "kb-ups-02", "kb-ups-03", "kb-ups-04"], regency.HeldDevices().Where(id => id.StartsWith("kb-", StringComparison.Ordinal)));
        Assert.DoesNotContain(central.HeldDevices(), id => id.StartsWith("kb-", StringComparison.Ordinal));
        Assert.DoesNotContain(other.HeldDevices(), id => id.StartsWith("kb-", StringComparison.Ordinal));

        // The group's only node dies: its devices wait for a node of the group, they do not wander off.
        await _db.ExpireAsync("regency");
        await LeaseDatabase.RoundsAsync(2, central, other);
        Assert.DoesNotContain(central.HeldDevices(), id => id.StartsWith("kb-", StringComparison.Ordinal));
        Assert.DoesNotContain(other.HeldDevices(), id => id.StartsWith("kb-", StringComparison.Ordinal));
        Assert.Equal(4, central.HeldDevices().Count + other.HeldDevices().Count);
    }

    [Fact]
    public async Task ALeaseNotRenewedInTime_StopsCountingLocally_EvenBeforeTheDatabaseIsAsked()
    {
        var a = _db.Node("a", LeaseDatabase.Devices(1), leaseSeconds: 1);
        await a.CycleAsync(CancellationToken.None);
        Assert.Equal(1, a.CurrentEpoch("ups-01"));

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // no rounds: as if the process were stopped

        Assert.Null(a.CurrentEpoch("ups-01"));
    }

    [Fact]
    public void LeaseSeconds_OutsideOneTo3600_FailsValidationAtStart()
    {
        var validator = new MonitoringOptionsValidator(ProfileCatalog.Load());

        var result = validator.Validate(null, new MonitoringOptions { LeaseSeconds = 0 });

        Assert.True(result.Failed);
        Assert.Contains("Monitoring:LeaseSeconds must be 1–3600", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(validator.Validate(null, new MonitoringOptions()).Succeeded);
    }

    private Task<int> GuardedWriteAsync(string device, string node, long epoch) => _db.ExecuteAsync(
        "INSERT INTO probe_readings (device_id, node, epoch) SELECT @lease_device, @lease_node, @lease_epoch WHERE " + LeaseGuard.Condition,
        command => LeaseGuard.AddParameters(command, device, node, epoch));

    private async Task<string> OwnerAsync(string device)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_db.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT owner_node FROM monitoring.device_leases WHERE device_id = @d", connection);
        command.Parameters.AddWithValue("d", device);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
