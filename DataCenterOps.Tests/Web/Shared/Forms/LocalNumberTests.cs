using System.Globalization;
using DataCenterOps.Web.Shared.Forms;

namespace DataCenterOps.Tests.Web.Shared.Forms;

public sealed class LocalNumberTests
{
    [Theory]
    [InlineData("id-ID", "0,3", 0.3)]
    [InlineData("id-ID", "12,5", 12.5)]
    [InlineData("id-ID", "1.234,5", 1234.5)]
    [InlineData("id-ID", "0.3", 0.3)]
    [InlineData("id-ID", "0.300", 0.3)]
    [InlineData("id-ID", "12.75", 12.75)]
    [InlineData("id-ID", "1.234.567", 1234567)]
    [InlineData("id-ID", "1,234.5", 1234.5)]
    [InlineData("id-ID", "-2,5", -2.5)]
    [InlineData("id-ID", " 230 ", 230)]
    [InlineData("en-US", "0.3", 0.3)]
    [InlineData("en-US", "1,234.5", 1234.5)]
    [InlineData("en-US", "0,3", 0.3)]
    [InlineData("en-US", "1.234,5", 1234.5)]
    [InlineData("en-US", "\u22125.5", -5.5)]
    public void ReadsTheNumber_InTheReadersCulture_AndTheOtherSeparatorWhenUnambiguous(string culture, string typed, double expected)
    {
        var parse = LocalNumber.Parse(typed, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(NumberParseOutcome.Number, parse.Outcome);
        Assert.Equal(expected, parse.Value, 9);
    }

    [Theory]
    [InlineData("id-ID", "1.234", 1234)]
    [InlineData("en-US", "1,234", 1234)]
    public void LoneThousandsSeparator_IsReadAsTheCultureGroups_AndReportedAmbiguous(string culture, string typed, double expected)
    {
        var parse = LocalNumber.Parse(typed, CultureInfo.GetCultureInfo(culture));

        Assert.Equal(NumberParseOutcome.Ambiguous, parse.Outcome);
        Assert.Equal(expected, parse.Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("1,2,3")]
    [InlineData("1.2.3")]
    [InlineData("1,2.3,4")]
    [InlineData("5,")]
    [InlineData("--5")]
    [InlineData("1e5")]
    [InlineData("NaN")]
    [InlineData("∞")]
    public void WhatIsNotANumber_IsInvalid_InBothCultures(string typed)
    {
        Assert.Equal(NumberParseOutcome.Invalid, LocalNumber.Parse(typed, CultureInfo.GetCultureInfo("id-ID")).Outcome);
        Assert.Equal(NumberParseOutcome.Invalid, LocalNumber.Parse(typed, CultureInfo.GetCultureInfo("en-US")).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Nothing_IsEmpty(string? typed) =>
        Assert.Equal(NumberParseOutcome.Empty, LocalNumber.Parse(typed, CultureInfo.GetCultureInfo("id-ID")).Outcome);

    [Fact]
    public void Format_WritesTheNumberAsTheCultureDoes()
    {
        Assert.Equal("1.234,5", LocalNumber.Format(1234.5, CultureInfo.GetCultureInfo("id-ID")));
        Assert.Equal("1,234.5", LocalNumber.Format(1234.5, CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("0,3", LocalNumber.Format(0.3, CultureInfo.GetCultureInfo("id-ID")));
    }
}
