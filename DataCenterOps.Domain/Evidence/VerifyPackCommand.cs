using DataCenterOps.Domain.Persistence;
using Microsoft.Extensions.Configuration;

namespace DataCenterOps.Domain.Evidence;

/// <summary>
/// <c>dotnet run --project DataCenterOps.Web -- verify-pack FILE.zip</c>: verifies an evidence pack offline, one line per
/// check. The manifest's signature is checked when the evidence key is at hand (<c>Evidence:Key</c>, or the key file of
/// <c>Storage:DataDirectory</c>, as <c>verify-evidence</c> finds it); without it the hashes are still checked.
/// Exit codes as <see cref="VerifyEvidenceCommand"/>: 0 intact, 3 tampered, 2 usage error or unreadable file.
/// </summary>
public static class VerifyPackCommand
{
    public const string Name = "verify-pack";

    public static bool IsVerifyPack(IReadOnlyList<string> args) => args.Count > 0 && args[0] == Name;

    /// <summary>Reads the configuration as the app does (appsettings.json, environment, command line) and verifies.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal)).ToArray())
            .Build();
        return RunAsync(args, configuration, Console.Out);
    }

    public static async Task<int> RunAsync(string[] args, IConfiguration configuration, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(output);
        var files = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (!IsVerifyPack(args) || files.Count != 1)
        {
            await output.WriteLineAsync("Usage: DataCenterOps.Web verify-pack FILE.zip [--Evidence:Key=BASE64] [--Storage:DataDirectory=DIR]");
            return VerifyEvidenceCommand.ConfigurationError;
        }

        var (key, reason) = LoadKey(configuration);
        IReadOnlyList<EvidencePackCheck> checks;
        try
        {
            await using var zip = new FileStream(files[0], FileMode.Open, FileAccess.Read, FileShare.Read);
            checks = EvidencePackVerifier.Verify(zip, key, reason);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await output.WriteLineAsync($"error: {files[0]} cannot be read as a ZIP ({ex.Message})");
            return VerifyEvidenceCommand.ConfigurationError;
        }

        foreach (var check in checks)
        {
            await output.WriteLineAsync(check.Line);
        }

        var intact = checks.All(c => c.Holds);
        await output.WriteLineAsync(intact ? "pack: intact" : "pack: TAMPERED");
        return intact ? VerifyEvidenceCommand.Intact : VerifyEvidenceCommand.Tampered;
    }

    private static (EvidenceKey? Key, string? Reason) LoadKey(IConfiguration configuration)
    {
        var storage = StorageOptions.From(configuration);
        var options = configuration.GetSection(EvidenceOptions.SectionName).Get<EvidenceOptions>() ?? new EvidenceOptions();
        try
        {
            return (EvidenceKeyStore.Load(options, storage, createIfMissing: false), null);
        }
        catch (EvidenceKeyException ex)
        {
            return (null, ex.Message);
        }
    }
}
