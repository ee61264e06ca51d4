namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>A unique data folder per test, removed afterwards (SQLite pools are cleared first so the files can go).</summary>
public sealed class RoutineTempDirectory : IDisposable
{
    public RoutineTempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "dcops-routine-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a file still held by a finishing background task stays in /tmp.
        }
        catch (UnauthorizedAccessException)
        {
            // Same.
        }
    }
}
