using System.Diagnostics;

namespace DataCenterOps.Tests.TestSupport;

/// <summary>
/// Reads our PDFs with poppler-utils (pdftotext, pdfimages, pdftoppm) and zbar-tools (zbarimg): a real reader, not our
/// own code agreeing with itself. test.sh installs both.
/// </summary>
internal static class PdfTools
{
    /// <summary>The text of every page, laid out (pdftotext -layout); pages are separated by form feeds.</summary>
    public static async Task<string> TextAsync(byte[] pdf)
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "doc.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        return await RunAsync("pdftotext", "-layout", file, "-");
    }

    /// <summary>The number of images placed in the document (pdfimages -list: two header lines, then one per image).</summary>
    public static async Task<int> ImageCountAsync(byte[] pdf)
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "doc.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var list = await RunAsync("pdfimages", "-list", file);
        return list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length - 2;
    }

    /// <summary>Every QR code zbarimg finds on the rendered pages (150 dpi), as decoded text.</summary>
    public static async Task<IReadOnlyList<string>> QrCodesAsync(byte[] pdf)
    {
        using var folder = new TempDirectory();
        var file = Path.Combine(folder.Path, "doc.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        await RunAsync("pdftoppm", "-r", "150", "-png", file, Path.Combine(folder.Path, "page"));
        var codes = new List<string>();
        foreach (var page in Directory.GetFiles(folder.Path, "page*.png").Order(StringComparer.Ordinal))
        {
            var output = await RunAsync("zbarimg", ["--quiet", "--raw", page], allowExitCodes: [0, 4]);
            codes.AddRange(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return codes;
    }

    /// <summary>Renders every page to PNG in <paramref name="directory"/> as <paramref name="name"/>-N.png (for looking at them).</summary>
    public static async Task RenderAsync(byte[] pdf, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf);
        await RunAsync("pdftoppm", "-r", "80", "-png", file, Path.Combine(directory, name));
    }

    private static Task<string> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, [0]);

    private static async Task<string> RunAsync(string program, string[] arguments, int[] allowExitCodes)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(allowExitCodes.Contains(process.ExitCode), $"{program} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
