using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DataCenterOps.Domain.People;

/// <summary>
/// What the frame of every screen needs before it renders (the signed-in person's display name, the sites they may
/// see, and whether they stand in for a Pengawas: the menu's Reviews link), read once for the whole process instead of on every page's prerender and again at its circuit's start.
/// A view is read again (awaited) when this process saved a change to it (<see cref="DirectoryChanges"/>) or when the
/// person's security stamp is not the one it holds (another node changed their roles or sites: every such change renews
/// the stamp); a view older than <see cref="MaxAge"/> is still served while a fresh one is read in the background
/// (a name changed on another node). A DC team is small: the view holds everyone. Singleton.
/// </summary>
public sealed class DirectoryCache(IDbContextFactory<DataCenterOpsDbContext> contexts, DirectoryChanges changes, TimeProvider time)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private DirectoryView? _view;
    private Task<DirectoryView>? _reading;
    private long _readingVersion = -1;

    /// <summary>
    /// The current view; completes at once when it is fresh. <paramref name="securityStamp"/> (the cookie's) makes it read
    /// again when the view holds another stamp for <paramref name="userId"/>.
    /// </summary>
    public ValueTask<DirectoryView> CurrentAsync(string? userId = null, string? securityStamp = null, CancellationToken cancellationToken = default)
    {
        var view = Volatile.Read(ref _view);
        if (view is not null && view.Version == changes.Version
            && (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(securityStamp) || view.Knows(userId, securityStamp)))
        {
            if (time.GetUtcNow() - view.LoadedAt > MaxAge)
            {
                // Served as it is; a failed background read is retried by the next caller.
                _ = Read().ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            }

            return ValueTask.FromResult(view);
        }

        return new(Read().WaitAsync(cancellationToken));
    }

    // One read at a time for everyone waiting; a read begun before the last change is not joined (it may miss the change).
    private Task<DirectoryView> Read()
    {
        var version = changes.Version;
        lock (_gate)
        {
            if (_reading is { IsCompleted: false } reading && _readingVersion == version)
            {
                return reading;
            }

            _readingVersion = version;
            _reading = Task.Run(() => ReadAsync(version));
            return _reading;
        }
    }

    private async Task<DirectoryView> ReadAsync(long version)
    {
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.FullName, u.UserName, u.SecurityStamp }).ToListAsync(CancellationToken.None);
        var limits = (await db.UserSites.AsNoTracking().ToListAsync(CancellationToken.None))
            .GroupBy(s => s.UserId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<Guid>)[.. g.Select(s => s.SiteId)], StringComparer.Ordinal);
        var sites = (await db.Sites.AsNoTracking().ToListAsync(CancellationToken.None))
            .OrderBy(s => !s.IsDefault).ThenBy(s => s.Code, StringComparer.OrdinalIgnoreCase).ToList();
        // Over means run out or ended: neither can become active again (an end is set once), so the rest is all there is.
        var now = time.GetUtcNow().UtcDateTime;
        var standIns = await db.Set<StandIn>().AsNoTracking()
            .Where(s => s.UntilUtc >= now && (s.EndedAtUtc == null || s.EndedAtUtc > now)).ToListAsync(CancellationToken.None);
        var view = new DirectoryView(
            sites,
            users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.FullName) ? u.UserName ?? u.Id : u.FullName, StringComparer.Ordinal),
            users.ToDictionary(u => u.Id, u => u.SecurityStamp, StringComparer.Ordinal),
            limits,
            standIns,
            version,
            time.GetUtcNow());
        lock (_gate)
        {
            if (_view is null || _view.Version <= version)
            {
                Volatile.Write(ref _view, view);
            }
        }

        return view;
    }
}
