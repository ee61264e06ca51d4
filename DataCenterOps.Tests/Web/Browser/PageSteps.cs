using Microsoft.Playwright;
using PdfSharp.Pdf.IO;

namespace DataCenterOps.Tests.Web.Browser;

/// <summary>Fetching what a page links to (a PDF, checked); the moves on the page itself are in <see cref="PageMoves"/>.</summary>
internal static class PageSteps
{
    /// <summary>Downloads what a link points at with the page's sign-in cookie and returns the bytes (a PDF, checked).</summary>
    public static async Task<byte[]> PdfBytesAsync(this IPage page, string linkSelector)
    {
        var href = await page.Locator(linkSelector).First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"{linkSelector} has no href.");
        var response = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        return await response.BodyAsync();
    }

    /// <summary>Downloads what a link points at with the page's own sign-in cookie; checks it is a PDF that opens; returns its page count.</summary>
    public static async Task<int> DownloadPdfAsync(this IPage page, string linkSelector, string savePath)
    {
        var href = await page.Locator(linkSelector).First.GetAttributeAsync("href") ?? throw new InvalidOperationException($"{linkSelector} has no href.");
        var response = await page.APIRequest.GetAsync(href);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/pdf", response.Headers["content-type"], StringComparison.Ordinal);
        var bytes = await response.BodyAsync();
        Assert.Equal("%PDF"u8.ToArray(), bytes[..4]);
        await File.WriteAllBytesAsync(savePath, bytes);
        using var pdf = PdfReader.Open(savePath, PdfDocumentOpenMode.Import);
        return pdf.PageCount;
    }
}
