using System.Data.Common;
using System.Runtime.CompilerServices;
using DataCenterOps.Domain.Delegation;
using DataCenterOps.Domain.Sites;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace DataCenterOps.Domain.People;

/// <summary>
/// Tells <see cref="DirectoryChanges"/> when a save touches what <see cref="DirectoryCache"/> holds: an account added or
/// removed, its name or security stamp changed (as every change of roles does), a user-site row, a site, a delegation
/// (given or ended). It tells before the save and again
/// after the commit (of the save's own transaction or of the caller's), so no cached copy read in between survives.
/// </summary>
public sealed class DirectoryChangeInterceptor(DirectoryChanges changes) : ISaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _touched = [];

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Inspect(eventData.Context);
        return result;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Inspect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Saved(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(eventData.Context);
        return Task.CompletedTask;
    }

    private void Inspect(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(Touches))
        {
            _touched.AddOrUpdate(context, this);
            changes.Notify();
        }
    }

    // A save inside the caller's transaction is not visible to other connections until it commits: tell again then.
    private void Saved(DbContext? context)
    {
        if (context is not null && _touched.TryGetValue(context, out _))
        {
            changes.Notify();
            if (context.Database.CurrentTransaction is null)
            {
                _touched.Remove(context);
            }
        }
    }

    private void Committed(DbContext? context)
    {
        if (context is not null && _touched.Remove(context))
        {
            changes.Notify();
        }
    }

    private static bool Touches(Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry entry) =>
        (entry.State is EntityState.Added or EntityState.Deleted or EntityState.Modified) && entry.Entity switch
        {
            AppUser => entry.State != EntityState.Modified
                || entry.Property(nameof(AppUser.FullName)).IsModified
                || entry.Property(nameof(AppUser.UserName)).IsModified
                || entry.Property(nameof(AppUser.SecurityStamp)).IsModified,
            UserSite or Site or StandIn => true,
            _ => false,
        };
}
