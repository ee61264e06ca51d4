using DataCenterOps.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DataCenterOps.Domain.PostgreSql;

/// <summary>
/// For `dotnet ef migrations add … --project DataCenterOps.Domain.PostgreSql --startup-project DataCenterOps.Domain.PostgreSql`
/// (scripts/add-postgresql-migration.sh); never used at run time. Adding a migration does not connect to a server.
/// </summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<DataCenterOpsDbContext>
{
    public DataCenterOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DataCenterOpsDbContext>()
            .UseNpgsql("Host=localhost;Database=dcops_design_time", o => o.MigrationsAssembly(DatabaseProviders.PostgreSqlMigrationsAssembly))
            .Options);
}
