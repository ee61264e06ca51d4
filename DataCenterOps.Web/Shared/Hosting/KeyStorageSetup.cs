using System.Xml.Linq;
using DataCenterOps.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// Data-protection keys (they sign the sign-in cookies and antiforgery tokens), resolved when options are first used.
/// SQLite: in Storage:DataDirectory/keys, the folder owner-only and every key file 0600. PostgreSQL: in the
/// DataProtectionKeys table of the shared database, so a cookie issued by one node is accepted by every node.
/// </summary>
internal sealed class KeyStorageSetup(IOptions<StorageOptions> storage, IServiceProvider services, ILoggerFactory loggerFactory) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        if (storage.Value.IsPostgreSql)
        {
            options.XmlRepository = new EntityFrameworkCoreXmlRepository<DataCenterOpsDbContext>(services, loggerFactory);
            return;
        }

        var directory = new DirectoryInfo(Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "keys"));
        PrivateFile.EnsureDirectory(directory.FullName);
        options.XmlRepository = new PrivateKeyRepository(directory, new FileSystemXmlRepository(directory, loggerFactory));
    }

    private sealed class PrivateKeyRepository(DirectoryInfo directory, FileSystemXmlRepository inner) : IXmlRepository
    {
        public IReadOnlyCollection<XElement> GetAllElements() => inner.GetAllElements();

        public void StoreElement(XElement element, string friendlyName)
        {
            PrivateFile.EnsureDirectory(directory.FullName);
            inner.StoreElement(element, friendlyName);
            if (!OperatingSystem.IsWindows())
            {
                foreach (var file in directory.EnumerateFiles("*.xml"))
                {
                    File.SetUnixFileMode(file.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }
        }
    }
}
