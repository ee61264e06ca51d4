namespace DataCenterOps.Domain.People;

/// <summary>
/// A version number of what <see cref="DirectoryCache"/> holds (people's names, security stamps, site limits, the sites, delegations),
/// raised by <see cref="DirectoryChangeInterceptor"/> whenever this process saves a change to one of them. Singleton.
/// </summary>
public sealed class DirectoryChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Notify() => Interlocked.Increment(ref _version);
}
