using DataCenterOps.Web.Shared.Display;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Shared.Display;

public sealed class AlarmSoundOptionsTests
{
    [Fact]
    public void AlarmSound_IsOnAndRepeatsEvery30Seconds_ByDefault()
    {
        using var services = Build(new Dictionary<string, string?>());
        var sound = services.GetRequiredService<IOptions<DisplayOptions>>().Value.AlarmSound;
        Assert.True(sound.Enabled);
        Assert.Equal(30, sound.RepeatSeconds);
    }

    [Fact]
    public void AlarmSound_IsBoundFromDisplayAlarmSound()
    {
        using var services = Build(new Dictionary<string, string?> { ["Display:AlarmSound:Enabled"] = "false", ["Display:AlarmSound:RepeatSeconds"] = "60" });
        var sound = services.GetRequiredService<IOptions<DisplayOptions>>().Value.AlarmSound;
        Assert.False(sound.Enabled);
        Assert.Equal(60, sound.RepeatSeconds);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4")]
    [InlineData("3601")]
    public void AlarmSound_RepeatOutsideFiveSecondsToAnHour_IsRefusedAtStart(string seconds)
    {
        using var services = Build(new Dictionary<string, string?> { ["Display:AlarmSound:RepeatSeconds"] = seconds });
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DisplayOptions>>().Value);
        Assert.Contains("Display:AlarmSound:RepeatSeconds", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddDisplayClock();
        return services.BuildServiceProvider();
    }
}
