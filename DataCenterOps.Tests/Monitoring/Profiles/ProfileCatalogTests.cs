using DataCenterOps.Monitoring.Modbus;
using DataCenterOps.Monitoring.Profiles;
using DataCenterOps.Tests.TestSupport;

namespace DataCenterOps.Tests.Monitoring.Profiles;

public sealed class ProfileCatalogTests
{
    public static TheoryData<string, string[]> RequiredPoints => new()
    {
        {
            "ups-rfc1628",
            [
                "battery.status", "battery.charge", "battery.minutes_remaining", "battery.voltage", "battery.temperature",
                "input.voltage", "input.frequency", "output.source", "output.voltage", "output.load", "alarms.present",
                "battery.seconds_on_battery",
            ]
        },
        {
            "genset-dse-gencomm",
            [
                "engine.state", "control.mode", "fuel.level", "battery.voltage", "oil.pressure", "coolant.temperature",
                "engine.speed", "generator.frequency", "generator.voltage.l1", "mains.voltage.l1", "engine.run_hours",
                "alarm.emergency_stop", "alarm.low_oil_pressure", "alarm.high_coolant_temperature", "alarm.overspeed",
                "alarm.fail_to_start", "alarm.low_battery_voltage", "alarm.high_battery_voltage", "alarm.low_fuel_level",
                "alarm.mains_failed", "alarm.maintenance_due",
            ]
        },
        {
            "crac-modbus",
            [
                "supply.temperature", "return.temperature", "return.humidity", "setpoint.temperature", "setpoint.humidity",
                "unit.on", "compressor.on", "fan.on", "alarm.high_temperature", "alarm.low_temperature", "alarm.high_humidity",
                "alarm.low_humidity", "alarm.filter", "alarm.water_leak", "alarm.airflow", "alarm.general",
            ]
        },
        { "fire-panel-modbus", ["panel.state", "agent.low_pressure", "agent.pressure"] },
        { "env-snmp", ["temperature", "humidity", "leak", "door"] },
        { "env-modbus", ["temperature", "humidity", "leak", "door"] },
        { "meter-eastron-sdm630", ["voltage.l1", "voltage.l2", "voltage.l3", "current.l1", "current.l2", "current.l3", "power", "energy.import"] },
        { "pdu-apc-rpdu2", ["phase.1.current", "phase.1.power", "power", "energy"] },
    };

    [Fact]
    public void ShippedProfiles_AllLoad()
    {
        var catalog = ProfileCatalog.Load();

        Assert.Equal(
            ["crac-modbus", "env-modbus", "env-snmp", "fire-panel-modbus", "genset-dse-gencomm", "meter-eastron-sdm630", "pdu-apc-rpdu2", "ups-apc-powernet", "ups-rfc1628"],
            catalog.Profiles.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(catalog.Profiles.Select(p => p.Name).Order(StringComparer.Ordinal), ProfileCatalog.ShippedNames);
    }

    [Theory]
    [MemberData(nameof(RequiredPoints))]
    public void ShippedProfile_OffersTheFixedPointNames(string profileName, string[] pointNames)
    {
        var profile = ProfileCatalog.Load().Get(profileName);

        foreach (var name in pointNames)
        {
            Assert.True(profile.TryGetPoint(name, out _), $"{profileName} lacks {name}");
        }
    }

    [Fact]
    public void UpsProfile_MapsRfc1628AddressesAndScales()
    {
        var ups = ProfileCatalog.Load().Get("ups-rfc1628");

        Assert.Equal(DeviceProtocol.Snmp, ups.Protocol);
        Assert.Equal(DeviceKind.Ups, ups.Kind);
        Assert.Equal("1.3.6.1.2.1.33.1.3.3.1.3.1", ups.GetPoint("input.voltage").Oid);
        Assert.Equal("1.3.6.1.2.1.33.1.4.4.1.5.1", ups.GetPoint("output.load").Oid);
        Assert.Equal(0.1, ups.GetPoint("battery.voltage").Scale);
        Assert.Equal("battery", ups.GetPoint("output.source").StateOf(5));
        Assert.Equal("normal", ups.GetPoint("battery.status").StateOf(2));
    }

    [Fact]
    public void GensetProfile_PacksAlarmCodesMostSignificantNibbleFirst()
    {
        var genset = ProfileCatalog.Load().Get("genset-dse-gencomm");

        var emergencyStop = genset.GetPoint("alarm.emergency_stop");
        Assert.Equal((ushort)2049, emergencyStop.Address);
        Assert.Equal(12, emergencyStop.BitShift);
        Assert.Equal(4, emergencyStop.BitWidth);
        var mainsFailed = genset.GetPoint("alarm.mains_failed");
        Assert.Equal((ushort)2058, mainsFailed.Address);
        Assert.Equal(4, mainsFailed.BitShift);
        Assert.Equal("electrical_trip", mainsFailed.StateOf(4));
        Assert.Equal("not_available", mainsFailed.StateOf(15));
        Assert.True(mainsFailed.GenCommSentinels);
        var voltage = genset.GetPoint("generator.voltage.l1");
        Assert.Equal(ModbusDataType.UInt32, voltage.DataType);
        Assert.Equal((ushort)1032, voltage.Address);
        Assert.Equal(1234.5, genset.GetPoint("engine.run_hours").ToEngineering(1234.5 * 3600), 6);
    }

    [Fact]
    public void SiteFile_ReplacesShippedProfile_OfTheSameName()
    {
        using var dir = new TempDirectory();
        dir.Write("env-snmp.json", """
            {
              "name": "env-snmp", "protocol": "Snmp", "kind": "Environment", "description": "site remap",
              "points": [ { "name": "temperature", "oid": "1.3.6.1.4.1.99.1.0", "type": "Integer", "scale": 0.01, "unit": "°C" } ]
            }
            """);

        var catalog = ProfileCatalog.Load(dir.Path);

        var env = catalog.Get("env-snmp");
        Assert.Equal("site remap", env.Description);
        Assert.Equal("1.3.6.1.4.1.99.1.0", Assert.Single(env.Points).Oid);
        Assert.Equal(Path.Combine(dir.Path, "env-snmp.json"), env.Source);
        Assert.Equal(9, catalog.Profiles.Count);
    }

    [Fact]
    public void SiteFile_AddsANewProfile()
    {
        using var dir = new TempDirectory();
        dir.Write("ups-apc-powernet.json", """
            {
              "name": "ups-apc-powernet", "protocol": "Snmp", "kind": "Ups",
              "points": [ { "name": "battery.charge", "oid": "1.3.6.1.4.1.318.1.1.1.2.2.1.0", "type": "Gauge32", "unit": "%" } ]
            }
            """);

        var catalog = ProfileCatalog.Load(dir.Path);

        Assert.Equal(9, catalog.Profiles.Count);
        Assert.Equal(DeviceKind.Ups, catalog.Get("ups-apc-powernet").Kind);
    }

    [Fact]
    public void BrokenPoint_IsRefused_WithFileAndPointNamed()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("crac-modbus.json", """
            {
              "name": "crac-modbus", "protocol": "ModbusTcp", "kind": "Cooling",
              "points": [
                { "name": "supply.temperature", "table": "InputRegisters", "address": 0, "type": "Int16", "scale": 0.1 },
                { "name": "return.temperature", "table": "InputRegister", "address": 1, "type": "Int16", "scale": 0.1 }
              ]
            }
            """);

        var ex = Assert.Throws<ProfileValidationException>(() => ProfileCatalog.Load(dir.Path));

        Assert.Equal(path, ex.File);
        Assert.Equal("return.temperature", ex.Point);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("'return.temperature'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("InputRegister", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 70000, "type": "UInt16" }""", "address")]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 65535, "type": "UInt32" }""", "32-bit")]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 1, "type": "Bits", "bitShift": 14, "bitWidth": 4 }""", "bit field")]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 1, "type": "UInt16", "bitShift": 2 }""", "bitShift")]
    [InlineData("""{ "name": "x", "table": "Coils", "address": 1, "type": "UInt16" }""", "single bits")]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 1, "type": "UInt16", "wordOrder": "LowWordFirst" }""", "wordOrder")]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 1, "type": "UInt16", "scale": 0 }""", "scale")]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 1, "type": "UInt16", "states": { "on": "x" } }""", "state key")]
    [InlineData("""{ "name": "x", "oid": "1.3.6.1", "table": "HoldingRegisters", "address": 1, "type": "UInt16" }""", "oid")]
    [InlineData("""{ "name": "x", "table": "HoldingRegisters", "address": 1, "type": "3" }""", "type")]
    public void ModbusPoint_BreakingARule_IsRefused_WithPointNamed(string point, string expectedWord)
    {
        using var dir = new TempDirectory();
        dir.Write("site-thing.json", $$"""
            { "name": "site-thing", "protocol": "ModbusTcp", "kind": "Cooling", "points": [ {{point}} ] }
            """);

        var ex = Assert.Throws<ProfileValidationException>(() => ProfileCatalog.Load(dir.Path));

        Assert.Equal("x", ex.Point);
        Assert.Contains(expectedWord, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "x", "oid": "1.3.6.1.2.1.1.3.0", "type": "OctetString" }""", "numeric SNMP type")]
    [InlineData("""{ "name": "x", "oid": "iso.3.6", "type": "Integer" }""", "oid")]
    [InlineData("""{ "name": "x", "oid": "1.3.6.99999999999", "type": "Integer" }""", "oid")]
    [InlineData("""{ "name": "x", "oid": "1.3.6.1.2.1.1.3.0", "type": "Integer", "address": 3 }""", "Modbus fields")]
    public void SnmpPoint_BreakingARule_IsRefused_WithPointNamed(string point, string expectedWord)
    {
        using var dir = new TempDirectory();
        dir.Write("site-thing.json", $$"""
            { "name": "site-thing", "protocol": "Snmp", "kind": "Ups", "points": [ {{point}} ] }
            """);

        var ex = Assert.Throws<ProfileValidationException>(() => ProfileCatalog.Load(dir.Path));

        Assert.Equal("x", ex.Point);
        Assert.Contains(expectedWord, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "name": "site-thing", "protocol": "Snmp", "kind": "Ups", "points": [ ] }""", "at least one point")]
    [InlineData("""{ "name": "other", "protocol": "Snmp", "kind": "Ups", "points": [ { "name": "a", "oid": "1.3.6.1", "type": "Integer" } ] }""", "must match")]
    [InlineData("""{ "name": "site-thing", "protocol": "Bacnet", "kind": "Ups", "points": [ { "name": "a", "oid": "1.3.6.1", "type": "Integer" } ] }""", "protocol")]
    [InlineData("""{ "name": "site-thing", "protocol": "Snmp", "kind": "Ups", "colour": "red", "points": [ ] }""", "colour")]
    [InlineData("""{ "name": "site-thing", "protocol": "Snmp", """, "not valid profile JSON")]
    [InlineData("""{ "name": "site-thing", "protocol": "Snmp", "kind": "Ups", "points": [ { "name": "a", "oid": "1.3.6.1", "type": "Integer" }, { "name": "a", "oid": "1.3.6.2", "type": "Integer" } ] }""", "twice")]
    public void BrokenFile_IsRefused_WithFileNamed(string content, string expectedWord)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("site-thing.json", content);

        var ex = Assert.Throws<ProfileValidationException>(() => ProfileCatalog.Load(dir.Path));

        Assert.Equal(path, ex.File);
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.Contains(expectedWord, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingSiteFolder_IsRefused()
    {
        var missing = Path.Combine(Path.GetTempPath(), "dco-no-such-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<ProfileValidationException>(() => ProfileCatalog.Load(missing));

        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownProfile_IsATypedError()
    {
        var ex = Assert.Throws<ProfileNotFoundException>(() => ProfileCatalog.Load().Get("ups-nonesuch"));

        Assert.Contains("ups-nonesuch", ex.Message, StringComparison.Ordinal);
    }
}
