using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DataCenterOps.Benchmarks.Hosting;
using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using Microsoft.Data.Sqlite;

namespace DataCenterOps.Benchmarks.Soak;

/// <summary>The faults the soak injects, each followed by the checks that nothing was lost or done by half.</summary>
internal static partial class SoakRunner
{
    /// <summary>SIGKILL a moment after a committed reading; after restart everything committed is there, once.</summary>
    private static async Task KillDuringIngestAsync(WebAppProcess app, HistoryLedger ledger, SoakReport report, Random random, CancellationToken ct)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1500)), ct);
        var (count, newest) = ledger.Committed();
        var killedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await app.KillAsync();
        var restart = Stopwatch.StartNew();
        await app.StartAsync(ct);
        report.RestartSeconds.Add(restart.Elapsed.TotalSeconds);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        var kept = ledger.CountUpTo(newest);
        if (kept < count)
        {
            report.Failures.Add($"kill -9: {count - kept} committed readings gone");
        }

        report.CommittedBeforeKill += count;
        report.UnflushedMs.Add(killedAt - ledger.NewestBefore(killedAt));
        report.KilledAt.Add(DateTimeOffset.FromUnixTimeMilliseconds(killedAt));
        report.Kills++;
    }

    /// <summary>
    /// SIGKILL while access-register transitions are in flight (entries, visitors under escort, exits closing them all,
    /// refusals — many requests at once); after restart every acknowledged one is there and none is half-done.
    /// </summary>
    private static async Task KillDuringStepsAsync(WebAppProcess app, SopWorkload sop, SopLedger sopLedger, SoakReport report, Random random, CancellationToken ct)
    {
        using var client = await sop.PrepareAsync(ct);
        using var round = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var answeredBefore = sop.Answered;
        var unansweredBefore = sop.Sent - sop.Answered;
        var workers = sop.DriveAsync(client, round.Token);
        // Let the round get going (a loaded machine answers slowly), then kill at a random moment within it.
        var warmUp = Stopwatch.StartNew();
        while (sop.Answered - answeredBefore < 20 && warmUp.Elapsed < TimeSpan.FromSeconds(30) && !workers.IsCompleted)
        {
            await Task.Delay(50, ct);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 1500)), ct);
        report.SopInFlightAtKill.Add(sop.Sent - sop.Answered - unansweredBefore);
        await app.KillAsync();
        await round.CancelAsync();
        await workers;
        var restart = Stopwatch.StartNew();
        await app.StartAsync(ct);
        report.RestartSeconds.Add(restart.Elapsed.TotalSeconds);
        report.SopKills++;
        CheckSteps(sop, sopLedger, report);
    }

    /// <summary>Every acknowledged transition is in dcops.db, and no transition is there in part.</summary>
    private static void CheckSteps(SopWorkload sop, SopLedger sopLedger, SoakReport report)
    {
        report.SopSent = sop.Sent;
        report.SopAnswered = sop.Answered;
        report.SopEntries = sop.Entries.Count;
        report.SopExits = sop.Exits.Count;
        report.SopRefused = sop.Refused;
        report.SopRefusalRows = sopLedger.Refusals();
        report.SopMissingEntries = sopLedger.MissingEntries(sop.Entries);
        report.SopMissingExits = sopLedger.MissingExits(sop.Exits);
        report.SopUnexpected = [.. sop.Unexpected.Distinct()];
        foreach (var (rule, rows) in sopLedger.HalfDone())
        {
            report.SopHalfDone[rule] = Math.Max(rows, report.SopHalfDone.GetValueOrDefault(rule));
        }
    }

    /// <summary>Holds monitoring.db's write lock well past the app's command timeout; readings must wait, then resume.</summary>
    private static async Task DatabaseLockedAsync(WebAppProcess app, HistoryLedger ledger, SoakReport report, CancellationToken ct)
    {
        var hold = TimeSpan.FromSeconds(15);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "monitoring.db")};Pooling=False"))
        {
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "BEGIN EXCLUSIVE";
            await command.ExecuteNonQueryAsync(ct);
            await Task.Delay(hold, ct);
            command.CommandText = "ROLLBACK";
            await command.ExecuteNonQueryAsync(ct);
        }

        var released = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        report.Resumed.Add(("database locked 15 s", await ResumedAsync(app, ledger, released, ct)));
    }

    /// <summary>Fills the data folder's disk, keeps it full, frees it; the app must survive and resume.</summary>
    private static async Task DiskFullAsync(WebAppProcess app, HistoryLedger ledger, SoakReport report, string dataDirectory, CancellationToken ct)
    {
        var ballast = Path.Combine(dataDirectory, "ballast.bin");
        try
        {
            await using (var file = new FileStream(ballast, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var chunk = new byte[1 << 20];
                try
                {
                    while (true)
                    {
                        await file.WriteAsync(chunk, ct);
                        await file.FlushAsync(ct);
                    }
                }
                catch (IOException)
                {
                    // The disk is full: the point of the exercise.
                }
            }

            await Task.Delay(TimeSpan.FromSeconds(15), ct);
            report.AliveWhenDiskFull &= app.IsRunning;
        }
        catch (IOException)
        {
            // Closing a file on a full disk can fail too.
        }
        finally
        {
            File.Delete(ballast);
        }

        var freed = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        report.Resumed.Add(("disk full 15 s", await ResumedAsync(app, ledger, freed, ct)));
    }

    /// <summary>50,000 traps from one source as fast as the socket takes them; healthy devices keep their polls.</summary>
    private static async Task TrapFloodAsync(WebAppProcess app, IReadOnlyList<string> healthy, HistoryLedger ledger, SoakReport report, CancellationToken ct)
    {
        var trap = new SnmpMessage(SnmpVersion.V2c, "flood", new SnmpPdu(SnmpPduType.TrapV2, 1, 0, 0,
            [new Varbind(TrapOids.SysUpTime, SnmpValue.TimeTicks(1)), new Varbind(TrapOids.SnmpTrapOid, SnmpValue.Oid(TrapOids.UpsTrapOnBattery))])).Encode();
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var target = new IPEndPoint(IPAddress.Loopback, app.TrapPort);
        var from = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 50_000; i++)
        {
            await socket.SendToAsync(trap, SocketFlags.None, target, ct);
            if (i % 2_000 == 0)
            {
                await Task.Yield();
            }
        }

        var floodSeconds = Math.Max(clock.Elapsed.TotalSeconds, 1);
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, 6 - floodSeconds)), ct);
        var to = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var expected = (to - from) / 1000.0;
        var worst = healthy.Min(id => ledger.PollsOf(id, from, to) / expected);
        report.TrapFloods.Add((50_000 / floodSeconds, worst));
    }

    /// <summary>Seconds until a reading newer than <paramref name="sinceMs"/> is committed (NaN when none within 60 s).</summary>
    private static async Task<double> ResumedAsync(WebAppProcess app, HistoryLedger ledger, long sinceMs, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60) && app.IsRunning)
        {
            if (ledger.Committed().NewestMs > sinceMs)
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(250, ct);
        }

        return double.NaN;
    }
}
