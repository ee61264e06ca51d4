using DataCenterOps.Domain.Access;
using DataCenterOps.Domain.Facilities;
using DataCenterOps.Domain.Rules;
using DataCenterOps.Domain.Workflow;
using DataCenterOps.Monitoring.Alarms;
using DataCenterOps.Web.Shared.Localization;
using static DataCenterOps.Tests.Web.Shared.Localization.UiResources;

namespace DataCenterOps.Tests.Web.Shared.Localization;

/// <summary>Refusals and alarms reach the reader in the reader's language, with their values; the English stays for logs.</summary>
public sealed class RefusalAndAlarmTextTests
{
    [Fact]
    public void ARefusalWithAKey_IsTheIndonesianSentence_NotTheEnglishMessage()
    {
        var ex = new SopRuleViolationException(SopError.InvalidInput, "A Rencana Kerja needs at least one scheduled item.", "PlanNeedsItem");

        var text = In("id-ID", () => RefusalText.For(Localizer(), ex));

        Assert.Equal("Rencana Kerja memerlukan paling sedikit satu jadwal.", text);
        Assert.DoesNotContain("needs", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id-ID", "Keperluan wajib diisi.")]
    [InlineData("en-US", "Purpose is required.")]
    public void FieldNames_AreTranslatedInsideTheSentence(string culture, string expected)
    {
        var ex = new AccessRuleViolationException(AccessError.InvalidInput, "Purpose is required.", "Required", "Purpose");

        Assert.Equal(expected, In(culture, () => RefusalText.For(Localizer(), ex)));
    }

    [Fact]
    public void RecordNamesRolesAndEnums_AreTranslated_PeopleAndNumbersAreNot()
    {
        var l = Localizer();

        Assert.Equal("Pendamping tidak ditemukan.", In("id-ID", () => RefusalText.For(l, new AccessRuleViolationException(AccessError.NotFound, "The escort was not found.", "NotFound", "The escort"))));
        Assert.Equal(
            "Mencatat masuk memerlukan salah satu peran: Operator, Pengelola TIK.",
            In("id-ID", () => RefusalText.For(l, new AccessRuleViolationException(AccessError.WrongRole, "x", "RoleNeeded", "Registering an entry", new[] { "Operator", "Manager" }))));
        Assert.Equal(
            "Daftar periksa \"UPS bulanan\" bukan untuk perangkat jenis Genset.",
            In("id-ID", () => RefusalText.For(l, new SopRuleViolationException(SopError.InvalidInput, "x", "ChecklistWrongKind", "UPS bulanan", EquipmentKind.Genset))));
        Assert.Equal(
            "Tindakan \"Kirim Laporan\" tidak diperbolehkan saat pekerjaan berstatus \"Perencanaan\".",
            In("id-ID", () => RefusalText.For(l, new SopRuleViolationException(SopError.IllegalTransition, "x", "IllegalTransition", SopAction.SubmitReport, SopState.Planning))));
        Assert.Equal(
            "Budi masih mendampingi 2 tamu di dalam: catat keluar mereka dahulu, atau keluar bersama.",
            In("id-ID", () => RefusalText.For(l, new AccessRuleViolationException(AccessError.EscortHasVisitorsInside, "x", "EscortHasVisitorsInside", "Budi", 2))));
    }

    [Fact]
    public void ARefusalWithoutAKey_ShowsTheGeneralTextOfItsCode()
    {
        var ex = new SopRuleViolationException(SopError.OutOfScope, "Some English detail.");

        var text = In("id-ID", () => RefusalText.For(Localizer(), ex));

        Assert.Equal("Perangkat di luar cakupan Surat Tugas.", text);
    }

    [Theory]
    [InlineData("id-ID", "Suhu 28,5 °C di atas batas 27 °C")]
    [InlineData("en-US", "Temperature 28.5 °C above the limit of 27 °C")]
    public void AThresholdAlarm_IsWrittenInTheReadersLanguage_WithItsValues(string culture, string expected)
    {
        var alarm = new Alarm(Guid.NewGuid(), "env-1", AlarmKeys.ThresholdHigh("temperature"), AlarmSeverity.Warning, "temperature 28.5 °C above 27 °C", DateTimeOffset.UnixEpoch)
        {
            MessageKey = AlarmMessageKeys.ThresholdHigh,
            MessageArguments = ["temperature", "28.5", "°C", "27"],
        };

        Assert.Equal(expected, In(culture, () => AlarmText.For(Localizer(), alarm)));
    }

    [Fact]
    public void FixedAndAccessAlarms_UseTheirKeysText_AndAnUnknownOneFallsBackToTheEnglishMessage()
    {
        var l = Localizer();
        Alarm Of(string key, string message) => new(Guid.NewGuid(), "ups-1", key, AlarmSeverity.Critical, message, DateTimeOffset.UnixEpoch);

        Assert.Equal("UPS berjalan dengan baterai", In("id-ID", () => AlarmText.For(l, Of(AlarmKeys.UpsOnBattery, "UPS on battery"))));
        Assert.Equal("Pintu terbuka terlalu lama", In("id-ID", () => AlarmText.For(l, Of("access.door_held_open@env-1", "Door held open"))));
        Assert.Equal("Something new", In("id-ID", () => AlarmText.For(l, Of("vendor.new_thing", "Something new"))));
    }

    [Theory]
    [InlineData("id-ID", "Tidak ada jawaban dari UPS 1 (3 polling terlewat)")]
    [InlineData("en-US", "No answer from UPS 1 (3 polls missed)")]
    public void ACommunicationLostAlarm_NamesTheDevice_ByItsOneRegistryName(string culture, string expected)
    {
        // Monitoring wrote its configured name ("UPS A"); the screens name the equipment as the registry does.
        var alarm = new Alarm(Guid.NewGuid(), "ups-1", AlarmKeys.CommLost, AlarmSeverity.Critical, "No reply from UPS A", DateTimeOffset.UnixEpoch)
        {
            MessageKey = AlarmMessageKeys.CommLost,
            MessageArguments = ["UPS A", "3"],
        };

        Assert.Equal(expected, In(culture, () => AlarmText.For(Localizer(), alarm, "UPS 1")));
        Assert.Contains("UPS A", In(culture, () => AlarmText.For(Localizer(), alarm)), StringComparison.Ordinal);
    }
}
