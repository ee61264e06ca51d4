using System.Globalization;
using DataCenterOps.Web.Shared.Documents;

namespace DataCenterOps.Tests.Web.Shared.Documents;

/// <summary>The one CSV writer in the two cultures the app speaks: the separator a spreadsheet there splits on, and the BOM.</summary>
public sealed class CsvWriterDialectTests
{
    [Fact]
    public void Indonesian_IsSemicolonSeparated_WithTheUtf8ByteOrderMark()
    {
        var bytes = CsvWriter.For(CultureInfo.GetCultureInfo("id-ID")).Row("Nama", "Suhu").Row("CRAC 1", "0,3").ToBytes();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Nama;Suhu\r\nCRAC 1;0,3\r\n", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void English_IsCommaSeparated_WithTheUtf8ByteOrderMark()
    {
        var bytes = CsvWriter.For(CultureInfo.GetCultureInfo("en-US")).Row("Name", "Temperature").Row("CRAC 1", "0.3").ToBytes();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("Name,Temperature\r\nCRAC 1,0.3\r\n", System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Theory]
    [InlineData("id-ID", "a;b", "\"a;b\"")]
    [InlineData("id-ID", "a,b", "a,b")]
    [InlineData("en-US", "a,b", "\"a,b\"")]
    [InlineData("en-US", "a;b", "a;b")]
    public void ACellHoldingTheSeparator_IsQuoted_InItsDialectOnly(string culture, string value, string expected)
    {
        var text = CsvWriter.For(CultureInfo.GetCultureInfo(culture)).Row(value).ToString();

        Assert.Equal(expected + "\r\n", text);
    }

    [Theory]
    [InlineData("id-ID")]
    [InlineData("en-US")]
    public void FormulaCells_AreStillNeutralised_InBothDialects(string culture)
    {
        var text = CsvWriter.For(CultureInfo.GetCultureInfo(culture)).Row("=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)").ToString();
        var separator = CsvWriter.SeparatorOf(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(string.Join(separator, "\"'=HYPERLINK(\"\"x\"\")\"", "'+1", "'-2", "'@SUM(A1)") + "\r\n", text);
    }
}
