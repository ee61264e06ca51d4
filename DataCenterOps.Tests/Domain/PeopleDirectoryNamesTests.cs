using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Domain;

/// <summary>
/// The names and NIPs a printed Laporan's approval blocks read: everyone by user id, the full name where there is one
/// (else the user name), and the NIP as stored (none stays none, never a stray "-").
/// </summary>
/// <remarks>Runs on both providers: <c>PeopleDirectoryNamesTests+Sqlite</c> and <c>PeopleDirectoryNamesTests+PostgreSql</c>.</remarks>
public abstract class PeopleDirectoryNamesTests(StorageProvider provider)
{
    public sealed class Sqlite() : PeopleDirectoryNamesTests(StorageProvider.Sqlite);

    public sealed class PostgreSql() : PeopleDirectoryNamesTests(StorageProvider.PostgreSql);

    private const string Unnamed = "u-unnamed";

    [Fact]
    public async Task NamesAndNips_GiveEveryone_TheirDisplayNameAndStoredNip()
    {
        await using var database = await TestDatabase.CreateAccessAsync(provider);
        await using (var db = database.NewContext())
        {
            var supervisor = await db.Users.FindAsync(TestDatabase.Supervisor);
            supervisor!.Nip = "198501012010011001";
            db.Users.Add(new AppUser { Id = Unnamed, UserName = "tanpa.nama@dcops.local", NormalizedUserName = "TANPA.NAMA@DCOPS.LOCAL", FullName = " " });
            await db.SaveChangesAsync();
        }

        await using var read = database.NewContext();
        var (names, nips) = await new PeopleDirectory(read).NamesAndNipsAsync();

        Assert.Equal("Pengawas Satu", names[TestDatabase.Supervisor]);
        Assert.Equal("Pemeriksa Satu", names[TestDatabase.Inspector]);
        Assert.Equal("tanpa.nama@dcops.local", names[Unnamed]);
        Assert.Equal("198501012010011001", nips[TestDatabase.Supervisor]);
        Assert.Null(nips[TestDatabase.Inspector]);
        Assert.Equal(names.Keys.Order(StringComparer.Ordinal), nips.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(TestDatabase.Outsider, names.Keys);
    }
}
