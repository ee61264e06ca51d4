using System.Data.Common;

namespace DataCenterOps.Tests.TestSupport;

/// <summary>
/// Asserts that the database itself refused a statement with one of the append-only triggers' messages (the same on
/// SQLite and PostgreSQL), so a typo in the SQL (an unknown table is an error too) can never pass for a refusal.
/// </summary>
internal static class DatabaseRefusal
{
    private static readonly string[] TriggerMessages = ["append-only", "never deleted", "frozen once the Laporan", "may be recorded"];

    public static async Task<DbException> AssertAsync(Func<Task> statement)
    {
        var error = await Assert.ThrowsAnyAsync<DbException>(statement);
        Assert.True(TriggerMessages.Any(m => error.Message.Contains(m, StringComparison.Ordinal)), $"Not a trigger's refusal: {error.Message}");
        return error;
    }
}
