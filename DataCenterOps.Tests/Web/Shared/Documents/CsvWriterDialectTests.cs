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

    [Theory]
    [InlineData("id-ID", "0,3;-12,5;1234567,25;42\r\n")]
    [InlineData("en-US", "0.3,-12.5,1234567.25,42\r\n")]
    public void Numbers_AreWrittenInTheDialect_WithoutGroupSeparators_AndNotNeutralised(string culture, string expected)
    {
        var text = CsvWriter.For(CultureInfo.GetCultureInfo(culture)).Number(0.3).Number(-12.5).Number(1_234_567.25).Number(42L).EndRow().ToString();

        Assert.Equal(expected, text);
    }

    [Fact]
    public void ADecimalSeparatorThatIsTheFieldSeparator_BecomesAPoint_SoAValueNeverSplits()
    {
        // A culture whose list separator is "," and whose decimal separator is "," too.
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("id-ID").Clone();
        culture.TextInfo.ListSeparator = ",";

        var csv = CsvWriter.For(culture);
        var text = csv.Text("CRAC 1").Number(0.3).EndRow().ToString();

        Assert.Equal((',', '.'), (csv.Separator, csv.DecimalSeparator));
        Assert.Equal("CRAC 1,0.3\r\n", text);
        Assert.Equal('.', new CsvWriter(';', ';').DecimalSeparator);
    }

    [Fact]
    public void TextAndNumberCells_MakeOneRow_AsRowDoes()
    {
        var cells = CsvWriter.For(CultureInfo.GetCultureInfo("id-ID")).Text("=1+1").Text("a;b").Number(2.5).EndRow().Row("x").ToString();

        Assert.Equal("'=1+1;\"a;b\";2,5\r\nx\r\n", cells);
    }
}
