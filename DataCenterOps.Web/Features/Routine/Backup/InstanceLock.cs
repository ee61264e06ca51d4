using DataCenterOps.Domain.Persistence;

namespace DataCenterOps.Web.Features.Routine.Backup;

/// <summary>
/// An exclusive lock file in the data folder, held while the app runs. The restore command takes the same lock,
/// so it refuses while the app is running (and the app cannot start in the middle of a restore).
/// </summary>
public static class InstanceLock
{
    public const string FileName = "dcops.lock";

    public static string PathFor(StorageOptions storage) => Path.Combine(Path.GetFullPath(storage.DataDirectory), FileName);

    /// <summary>The lock, or null when another process (or holder) has it.</summary>
    public static FileStream? TryAcquire(StorageOptions storage)
    {
        var path = PathFor(storage);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
