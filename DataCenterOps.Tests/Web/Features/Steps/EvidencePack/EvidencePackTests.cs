using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using DataCenterOps.Domain.Evidence;
using DataCenterOps.Domain.People;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Steps.EvidencePack;

/// <summary>
/// The evidence pack built by the real app over HTTP, then verified offline by <c>verify-pack</c> (in-process with the
/// app's key, as a separate process, and without the key); every kind of tampering an auditor fears ends in exit code 3.
/// </summary>
public sealed class EvidencePackTests(EvidencePackTests.PackFixture pack) : IClassFixture<EvidencePackTests.PackFixture>
{
    [Fact]
    public void Pack_HoldsLettersPlansReportsAccessLogAlarmsAndASignedManifest()
    {
        using var zip = new ZipArchive(new MemoryStream(pack.Bytes), ZipArchiveMode.Read);
        var names = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains(names, n => n.StartsWith("letters/surat-tugas-", StringComparison.Ordinal) && n.EndsWith(".pdf", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("plans/rencana-kerja-", StringComparison.Ordinal));
        Assert.Contains($"reports/laporan-arsip-{pack.ArchiveId}.pdf", names);
        Assert.Contains("access/access-log.csv", names);
        Assert.Contains("access/access-log.pdf", names);
        Assert.Contains("alarms/alarm-history.csv", names);
        Assert.Contains(EvidencePackManifest.FileName, names);
        Assert.Contains(EvidencePackManifest.SignatureFileName, names);

        using var manifestStream = zip.GetEntry(EvidencePackManifest.FileName)!.Open();
        using var copy = new MemoryStream();
        manifestStream.CopyTo(copy);
        var manifest = EvidencePackManifest.TryParse(copy.ToArray())!;
        Assert.Equal(names.Count - 2, manifest.Files.Count);
        Assert.Contains(manifest.Chains, c => c.Chain == EvidenceChains.Archive && c.Sequence >= 1 && c.Mac.Length == 64);
        Assert.Contains(manifest.Chains, c => c.Chain == EvidenceChains.Audit);
        Assert.Equal(pack.From, manifest.Period.From);
        Assert.All(manifest.Files, f => Assert.Equal(64, f.Sha256.Length));
        var pdf = manifest.Files.Single(f => f.Path == $"reports/laporan-arsip-{pack.ArchiveId}.pdf");
        Assert.True(pdf.Size > 1000);
    }

    [Fact]
    public void AlarmHistoryCsv_IsInTheReadersDialectAndLanguage()
    {
        using var zip = new ZipArchive(new MemoryStream(pack.Bytes), ZipArchiveMode.Read);
        using var entry = zip.GetEntry("alarms/alarm-history.csv")!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        var bytes = copy.ToArray();
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        // The Pengawas downloaded it in Indonesian, the site's default: ';', BOM, severity and message as the screens say them.
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var row = Assert.Single(lines, l => l.Contains("access.unregistered@env-1", StringComparison.Ordinal));
        Assert.Contains(";Kritis;Akses tidak tercatat: pintu dibuka tanpa pencatatan;", row, StringComparison.Ordinal);
        Assert.DoesNotContain("Unregistered access", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntactPack_VerifiesWithTheKey_ExitZero()
    {
        var (code, output) = await pack.VerifyAsync(pack.Bytes);

        Assert.True(code == VerifyEvidenceCommand.Intact, output);
        Assert.Contains("manifest.hmac: signature valid", output, StringComparison.Ordinal);
        Assert.Contains("pack: intact", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IntactPack_WithoutTheKey_StillChecksTheHashes_ExitZero()
    {
        var (code, output) = await pack.VerifyAsync(pack.Bytes, withKey: false);

        Assert.True(code == VerifyEvidenceCommand.Intact, output);
        Assert.Contains("manifest.hmac: not checked", output, StringComparison.Ordinal);
        Assert.Contains("access/access-log.csv: ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneByteChangedInAReportPdf_IsTampered()
    {
        var target = $"reports/laporan-arsip-{pack.ArchiveId}.pdf";
        var tampered = Rewrite(pack.Bytes, (name, bytes) =>
        {
            if (name == target)
            {
                bytes[bytes.Length / 2] ^= 0x01;
            }

            return bytes;
        });

        var (code, output) = await pack.VerifyAsync(tampered);

        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
        Assert.Contains($"{target}: TAMPERED", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADroppedFile_IsTampered()
    {
        var tampered = Rewrite(pack.Bytes, (name, bytes) => name == "access/access-log.pdf" ? null : bytes);

        var (code, output) = await pack.VerifyAsync(tampered);

        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
        Assert.Contains("access/access-log.pdf: TAMPERED — listed in the manifest but missing", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAddedFile_IsTampered()
    {
        var tampered = Rewrite(pack.Bytes, (_, bytes) => bytes, ("reports/laporan-arsip-999.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 forged")));

        var (code, output) = await pack.VerifyAsync(tampered);

        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
        Assert.Contains("reports/laporan-arsip-999.pdf: TAMPERED — in the ZIP but not in the manifest", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManifestEditedToMatchAChangedFile_FailsItsSignature()
    {
        // The forger changes the alarm history and writes its new hash and size into the manifest: every hash matches,
        // only the key's signature tells.
        var forged = Encoding.UTF8.GetBytes("forged alarm history\r\n");
        var tampered = Rewrite(pack.Bytes, (name, bytes) => name switch
        {
            "alarms/alarm-history.csv" => forged,
            EvidencePackManifest.FileName => EditManifest(bytes, "alarms/alarm-history.csv", forged),
            _ => bytes,
        });

        var (code, output) = await pack.VerifyAsync(tampered);
        var (codeWithoutKey, outputWithoutKey) = await pack.VerifyAsync(tampered, withKey: false);

        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
        Assert.Contains("manifest.hmac: TAMPERED", output, StringComparison.Ordinal);
        Assert.Contains("alarms/alarm-history.csv: ok", output, StringComparison.Ordinal);
        // Without the key the hashes are all a verifier can check (and says so).
        Assert.True(codeWithoutKey == VerifyEvidenceCommand.Intact, outputWithoutKey);
        Assert.Contains("not checked", outputWithoutKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AManifestThatNoLongerParses_IsTampered()
    {
        var tampered = Rewrite(pack.Bytes, (name, bytes) => name == EvidencePackManifest.FileName ? bytes[..(bytes.Length / 2)] : bytes);

        var (code, output) = await pack.VerifyAsync(tampered);

        Assert.True(code == VerifyEvidenceCommand.Tampered, output);
    }

    [Fact]
    public async Task NotAZip_OrNoFile_IsAUsageError()
    {
        var (notZip, output) = await pack.VerifyAsync(Encoding.ASCII.GetBytes("this is not a zip file"));
        var usage = await VerifyPackCommand.RunAsync([VerifyPackCommand.Name], new ConfigurationBuilder().Build(), new StringWriter());

        Assert.True(notZip == VerifyEvidenceCommand.ConfigurationError, output);
        Assert.Equal(VerifyEvidenceCommand.ConfigurationError, usage);
    }

    [Fact]
    public async Task VerifyPack_AsTheAppsCommand_InItsOwnProcess_ExitsZeroThenThree()
    {
        using var folder = new TempDirectory();
        var intact = Path.Combine(folder.Path, "pack.zip");
        var tampered = Path.Combine(folder.Path, "tampered.zip");
        await File.WriteAllBytesAsync(intact, pack.Bytes);
        await File.WriteAllBytesAsync(tampered, Rewrite(pack.Bytes, (name, bytes) => name == "access/access-log.csv" ? [.. bytes, (byte)'x'] : bytes));

        var (okCode, okOutput) = await RunProcessAsync(intact);
        var (badCode, badOutput) = await RunProcessAsync(tampered);

        Assert.True(okCode == VerifyEvidenceCommand.Intact, okOutput);
        Assert.True(badCode == VerifyEvidenceCommand.Tampered, badOutput);
    }

    [Fact]
    public async Task Download_IsAudited()
    {
        var actions = await pack.App.InScopeAsync(async sp =>
        {
            var audit = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<DataCenterOps.Domain.Auditing.AuditQueries>(sp);
            var supervisor = await pack.App.ActorAsync(pack.App.Supervisor);
            return await audit.SearchAsync(supervisor, new DataCenterOps.Domain.Auditing.AuditFilter(null, EvidencePackQueries.ExportedAction, null, null));
        });

        Assert.Contains(actions, a => a.ActorId == pack.App.Supervisor && a.AfterJson!.Contains(pack.ManifestSha256, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pack_IsRefused_ToAManager()
    {
        using var client = await SignInClient.ClientAsync(pack.Factory, Roles.Manager);

        var response = await client.GetAsync(PackPath(pack.From, pack.To));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    internal static string PackPath(DateOnly from, DateOnly to) =>
        $"/archive/evidence-pack.zip?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";

    private async Task<(int Code, string Output)> RunProcessAsync(string file)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(file)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DataCenterOps.Web.dll"));
        start.ArgumentList.Add(VerifyPackCommand.Name);
        start.ArgumentList.Add(file);
        start.Environment["Storage__DataDirectory"] = pack.Factory.DataDirectory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static byte[] EditManifest(byte[] manifest, string path, byte[] newContent)
    {
        var json = JsonNode.Parse(manifest)!;
        foreach (var file in json["files"]!.AsArray())
        {
            if ((string?)file!["path"] == path)
            {
                file["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(newContent));
                file["size"] = newContent.Length;
            }
        }

        return Encoding.UTF8.GetBytes(json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>A copy of the ZIP with each entry passed through <paramref name="change"/> (null drops it), plus extra entries.</summary>
    internal static byte[] Rewrite(byte[] zipBytes, Func<string, byte[], byte[]?> change, params (string Name, byte[] Bytes)[] extra)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var read = entry.Open();
                using var buffer = new MemoryStream();
                read.CopyTo(buffer);
                if (change(entry.FullName, buffer.ToArray()) is { } bytes)
                {
                    using var write = target.CreateEntry(entry.FullName).Open();
                    write.Write(bytes);
                }
            }

            foreach (var (name, bytes) in extra)
            {
                using var write = target.CreateEntry(name).Open();
                write.Write(bytes);
            }
        }

        return output.ToArray();
    }

    /// <summary>One app with one archived report, and the pack of today's period downloaded by the Pengawas.</summary>
    public sealed class PackFixture : IAsyncLifetime
    {
        public WebAppFactory Factory { get; } = new();

        internal DocumentScenario App { get; private set; } = null!;

        public byte[] Bytes { get; private set; } = [];

        public long ArchiveId { get; private set; }

        public DateOnly From { get; private set; }

        public DateOnly To { get; private set; }

        public string ManifestSha256 { get; private set; } = "";

        public async Task InitializeAsync()
        {
            _ = Factory.Server;
            App = await DocumentScenario.CreateAsync(Factory);
            ArchiveId = (await App.ArchiveReportAsync()).Id;
            await App.VisitorEntryAsync("6472010101010001");
            // One alarm in the period, raised as the access register raises its own (its English message is the service's).
            Factory.Services.GetRequiredService<AlarmService>().SetExternal(
                "access", AlarmCondition.Active("access.unregistered@env-1", AlarmSeverity.Critical, "Unregistered access at env-1"));
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            From = today.AddDays(-1);
            To = today.AddDays(1);
            using var client = await SignInClient.ClientAsync(Factory, Roles.Supervisor);
            using var response = await client.GetAsync(PackPath(From, To));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
            Bytes = await response.Content.ReadAsByteArrayAsync();
            using var zip = new ZipArchive(new MemoryStream(Bytes), ZipArchiveMode.Read);
            await using var manifest = zip.GetEntry(EvidencePackManifest.FileName)!.Open();
            using var copy = new MemoryStream();
            await manifest.CopyToAsync(copy);
            ManifestSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(copy.ToArray()));
        }

        /// <summary>verify-pack in-process on a temp copy, with the app's key (its data folder) or with no key at all.</summary>
        public async Task<(int Code, string Output)> VerifyAsync(byte[] zip, bool withKey = true)
        {
            using var folder = new TempDirectory();
            var file = Path.Combine(folder.Path, "pack.zip");
            await File.WriteAllBytesAsync(file, zip);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataDirectory"] = withKey ? Factory.DataDirectory : folder.Path,
            }).Build();
            using var output = new StringWriter();
            var code = await VerifyPackCommand.RunAsync([VerifyPackCommand.Name, file], configuration, output);
            return (code, output.ToString());
        }

        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }
}
