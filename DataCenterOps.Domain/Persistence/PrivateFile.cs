namespace DataCenterOps.Domain.Persistence;

/// <summary>
/// Files only the app's own user may read (databases, keys): on Unix the folder is created 0700 and the file 0600
/// before anything is written to it (SQLite gives its -wal and -shm files the database file's mode).
/// </summary>
public static class PrivateFile
{
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="directory"/> if missing, owner-only on Unix (an existing folder is left as it is).</summary>
    public static void EnsureDirectory(string directory)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            return;
        }

        Directory.CreateDirectory(directory, OwnerFolder);
    }

    /// <summary>
    /// <see cref="Ensure"/>, then writes the SQLite header into a new, empty file (WAL mode), so that a read-only probe
    /// (EF's "does the database exist") finds a database rather than a zero-byte file it cannot switch to WAL.
    /// </summary>
    public static void EnsureSqlite(string path)
    {
        Ensure(path);
        if (new FileInfo(path).Length > 0)
        {
            return;
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    /// <summary>Creates <paramref name="path"/> empty with mode 0600 if missing; an existing file is narrowed to 0600.</summary>
    public static void Ensure(string path)
    {
        EnsureDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            using var created = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerFile });
        }
        catch (IOException) when (File.Exists(path))
        {
            File.SetUnixFileMode(path, OwnerFile);
        }
    }
}
