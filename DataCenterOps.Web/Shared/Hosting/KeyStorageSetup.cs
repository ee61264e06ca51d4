using DataCenterOps.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>Data-protection keys live in Storage:DataDirectory/keys, resolved when options are first used.</summary>
internal sealed class KeyStorageSetup(IOptions<StorageOptions> storage, ILoggerFactory loggerFactory) : IConfigureOptions<KeyManagementOptions>
{
    public void Configure(KeyManagementOptions options)
    {
        var directory = new DirectoryInfo(Path.Combine(Path.GetFullPath(storage.Value.DataDirectory), "keys"));
        options.XmlRepository = new FileSystemXmlRepository(directory, loggerFactory);
    }
}
