using DataCenterOps.Domain.Persistence;
using Microsoft.AspNetCore.DataProtection;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// Loads the evidence key: <c>Evidence:Key</c> (base64) when set, otherwise the key file in the data folder, whose
/// content is protected with ASP.NET Core Data Protection (key ring in <c>&lt;DataDirectory&gt;/keys</c>, never in the
/// database). The app creates the file at its first start; the verify and restore commands never create one.
/// </summary>
public static class EvidenceKeyStore
{
    /// <summary>Fixed, so the file opens whatever the content root (dotnet run, the published dll, a test host).</summary>
    public const string ApplicationName = "DataCenterOps.Evidence";
    private const string Purpose = "DataCenterOps.Evidence.Key.v1";

    public static EvidenceKey Load(EvidenceOptions options, StorageOptions storage, bool createIfMissing)
    {
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            return EvidenceKey.FromBase64(options.Key, "Evidence:Key");
        }

        var path = options.KeyFilePath(storage);
        var protector = Protector(storage);
        if (!File.Exists(path))
        {
            if (!createIfMissing)
            {
                throw new EvidenceKeyException($"No evidence key: {path} does not exist and Evidence:Key is not set.");
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = EvidenceKey.NewKeyBytes();
            var temporary = path + ".new";
            File.WriteAllText(temporary, protector.Protect(Convert.ToBase64String(fresh)));
            // Never overwrite a key another process created meanwhile: that key signs evidence already.
            try
            {
                File.Move(temporary, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temporary);
            }
        }

        try
        {
            return EvidenceKey.FromBase64(protector.Unprotect(File.ReadAllText(path).Trim()), path);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            throw new EvidenceKeyException(
                $"The evidence key file {path} cannot be opened with the Data Protection keys in {EvidenceOptions.DataProtectionKeysPath(storage)} (restored without its keys folder?).", ex);
        }
    }

    private static IDataProtector Protector(StorageOptions storage) =>
        DataProtectionProvider.Create(
                new DirectoryInfo(EvidenceOptions.DataProtectionKeysPath(storage)),
                builder => builder.SetApplicationName(ApplicationName))
            .CreateProtector(Purpose);
}
