using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DataCenterOps.Domain.Persistence;

/// <summary>For `dotnet ef migrations add`; never used at run time.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DataCenterOpsDbContext>
{
    public DataCenterOpsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<DataCenterOpsDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
