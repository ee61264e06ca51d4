using DataCenterOps.Monitoring.Snmp;
using Microsoft.Extensions.Time.Testing;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>Our manager reading a real net-snmp snmpd over SNMPv3 USM, for every auth × priv pair it offers.</summary>
public sealed class SnmpV3ClientAgainstSnmpdTests(SnmpdV3Fixture snmpd) : IClassFixture<SnmpdV3Fixture>, IAsyncLifetime
{
    private static readonly ObjectIdentifier Model = ObjectIdentifier.Parse(SnmpdV3Fixture.UpsIdentModel);
    private static readonly ObjectIdentifier SysUpTime = ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0");
    private readonly SnmpClient _client = new();

    public static TheoryData<string, string> Pairs()
    {
        var data = new TheoryData<string, string>();
        foreach (var auth in SnmpdV3Fixture.AuthNames)
        {
            foreach (var priv in SnmpdV3Fixture.PrivNames)
            {
                data.Add(auth, priv);
            }
        }

        return data;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _client.DisposeAsync();

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Get_ReadsValues_ForEveryAuthAndPrivProtocol(string auth, string priv)
    {
        var target = snmpd.Target(SnmpdV3Fixture.Credentials(auth, priv));

        var result = await _client.GetAsync(target, [Model, SysUpTime]);

        Assert.Equal(SnmpValue.OctetString("DCOps UPS v3"), result[0].Value);
        Assert.Equal(SnmpValueType.TimeTicks, result[1].Value.Type);
    }

    [Fact]
    public async Task Get_ReadsValues_AsNoAuthNoPrivUser()
    {
        var result = await _client.GetAsync(snmpd.Target(new SnmpUsmCredentials(SnmpdV3Fixture.NoAuthUser)), [Model]);

        Assert.Equal(SnmpValue.OctetString("DCOps UPS v3"), Assert.Single(result).Value);
    }

    [Theory]
    [InlineData("SHA-512", "AES-256", true)]
    [InlineData("MD5", "DES", false)]
    public async Task Walk_ReadsTheSystemGroup_ByBulkAndByGetNext(string auth, string priv, bool useGetBulk)
    {
        var target = snmpd.Target(SnmpdV3Fixture.Credentials(auth, priv)) with { UseGetBulk = useGetBulk, MaxRepetitions = 4 };

        var walked = await _client.WalkAsync(target, ObjectIdentifier.Parse("1.3.6.1.2.1.1")).ToListAsync();

        Assert.True(walked.Count >= 7, $"{walked.Count} varbinds");
        Assert.Contains(walked, v => v.Oid == SysUpTime);
        Assert.Equal(walked.Select(v => v.Oid).Order(), walked.Select(v => v.Oid));
    }

    [Fact]
    public async Task WrongAuthPassword_IsAWrongDigestError_NamingTheUser()
    {
        var target = snmpd.Target(SnmpdV3Fixture.Credentials("SHA-256", "AES", authPassword: "not-the-password"));

        var error = await Assert.ThrowsAsync<SnmpWrongDigestException>(() => _client.GetAsync(target, [Model]));

        Assert.Contains("wrong authentication password for user 'u-sha-256-aes'", error.Message, StringComparison.Ordinal);
        Assert.Contains(snmpd.Endpoint.ToString(), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_IsAnUnknownUserError()
    {
        var target = snmpd.Target(new SnmpUsmCredentials("nobody-here", SnmpAuthProtocol.Sha256, "auth-pass-1"));

        var error = await Assert.ThrowsAsync<SnmpUnknownUserException>(() => _client.GetAsync(target, [Model]));

        Assert.Equal($"SNMPv3: unknown user 'nobody-here' at {snmpd.Endpoint} — check V3User.", error.Message);
    }

    [Fact]
    public async Task WrongPrivPassword_snmpdDropsTheRequest_SoItTimesOutWithAHint()
    {
        // snmpd 5.9.3 decrypts to noise, cannot parse it and answers nothing (no decryptionErrors Report).
        var target = snmpd.Target(SnmpdV3Fixture.Credentials("SHA-256", "AES", privPassword: "not-the-password")) with
        {
            Timeout = TimeSpan.FromMilliseconds(500),
            Retries = 0,
        };

        var error = await Assert.ThrowsAsync<SnmpTimeoutException>(() => _client.GetAsync(target, [Model]));

        Assert.Contains("V3PrivPassword", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthPrivRequest_ForAnAuthOnlyUser_IsAnUnsupportedSecurityLevelError()
    {
        var target = snmpd.Target(new SnmpUsmCredentials(SnmpdV3Fixture.UserFor("SHA", ""), SnmpAuthProtocol.Sha1, SnmpdV3Fixture.AuthPassword,
            SnmpPrivProtocol.Aes128, SnmpdV3Fixture.PrivPassword));

        await Assert.ThrowsAsync<SnmpUnsupportedSecurityLevelException>(() => _client.GetAsync(target, [Model]));
    }

    [Fact]
    public async Task UnknownContext_snmpdDoesNotAnswer_SoItTimesOut()
    {
        // snmpd 5.9.3 sends no snmpUnknownContexts Report to an authPriv request for a context its VACM lacks.
        var target = snmpd.Target(SnmpdV3Fixture.Credentials("SHA", "AES") with { ContextName = "no-such-context" }) with
        {
            Timeout = TimeSpan.FromMilliseconds(500),
            Retries = 0,
        };

        await Assert.ThrowsAsync<SnmpTimeoutException>(() => _client.GetAsync(target, [Model]));
    }

    [Fact]
    public async Task ClockFarAhead_IsResynchronisedOnceAfterNotInTimeWindow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var client = new SnmpClient(time, null);
        var target = snmpd.Target(SnmpdV3Fixture.Credentials("SHA-256", "AES"));
        await client.GetAsync(target, [Model]);

        // Our estimate of the agent's engine time is now 1000 s ahead: outside the 150 s window.
        time.Advance(TimeSpan.FromSeconds(1000));
        var result = await client.GetAsync(target, [Model]);

        Assert.Equal(SnmpValue.OctetString("DCOps UPS v3"), Assert.Single(result).Value);
    }
}
