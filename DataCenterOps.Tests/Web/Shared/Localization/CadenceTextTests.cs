using System.Globalization;
using DataCenterOps.Web;
using DataCenterOps.Web.Shared.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Tests.Web.Shared.Localization;

public sealed class CadenceTextTests
{
    [Theory]
    [InlineData("id-ID", "Monthly", "Bulanan")]
    [InlineData("id-ID", "SemiAnnual", "Semesteran")]
    [InlineData("en-US", "Monthly", "Monthly")]
    [InlineData("id-ID", "Setiap 3 bulan", "Setiap 3 bulan")]
    [InlineData("id-ID", "", "")]
    public void ATemplatesCadence_ReadsInTheReadersLanguage_AndAnOfficesOwnTextAsWritten(string culture, string cadence, string expected)
    {
        using var services = new ServiceCollection().AddLogging().AddUiLocalization().BuildServiceProvider();
        var l = services.GetRequiredService<IStringLocalizer<Ui>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            Assert.Equal(expected, CadenceText.For(l, cadence));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
