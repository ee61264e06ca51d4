using System.Globalization;
using DataCenterOps.Domain.Access;
using DataCenterOps.Web.Features.Access;
using DataCenterOps.Web.Features.Access.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;

namespace DataCenterOps.Tests.Web.Features.Access;

public sealed class AccessTextTests
{
    public static TheoryData<string> DynamicKeys()
    {
        var keys = new TheoryData<string>();
        foreach (var name in Enum.GetNames<AccessError>())
        {
            keys.Add("Error." + name);
        }

        foreach (var key in new[] { AccessAlarmKeys.UnregisteredAccess, AccessAlarmKeys.DoorHeldOpen, AccessAlarmKeys.AfterHours })
        {
            keys.Add("Alarm." + key);
        }

        foreach (var name in Enum.GetNames<AccessBasis>().Select(n => "Basis." + n)
            .Concat(Enum.GetNames<AccessEntryStatus>().Select(n => "Status." + n))
            .Concat(Enum.GetNames<AccessPersonKind>().Select(n => "Kind." + n)))
        {
            keys.Add(name);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(DynamicKeys))]
    public void EveryKeyBuiltFromAnEnum_HasIndonesianAndEnglishText(string key)
    {
        var localizer = Localizer();

        var indonesian = In("id-ID", () => localizer[key]);
        var english = In("en-US", () => localizer[key]);

        Assert.False(indonesian.ResourceNotFound, key);
        Assert.False(english.ResourceNotFound, key);
    }

    [Fact]
    public void Texts_AreIndonesianByDefault_AndEnglishForEnglish()
    {
        var localizer = Localizer();

        Assert.Equal("Tamu", In("id-ID", () => localizer["Kind.Visitor"]).Value);
        Assert.Equal("Visitor", In("en-GB", () => localizer["Kind.Visitor"]).Value);
        Assert.Equal("Identitas dikembalikan 10:00", In("id-ID", () => localizer["Export.IdReturnedAt", "10:00"]).Value);
    }

    private static IStringLocalizer<AccessText> Localizer()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.AddAccessRegister();
        return builder.Services.BuildServiceProvider().GetRequiredService<IStringLocalizer<AccessText>>();
    }

    private static LocalizedString In(string culture, Func<LocalizedString> read)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
