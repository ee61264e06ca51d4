using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Usm;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>net-snmp's own v3 packets through our codec and USM: decoded, authenticated and decrypted with the right keys, refused otherwise.</summary>
public sealed class SnmpV3GoldenPacketTests
{
    private static readonly ObjectIdentifier Model = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.1.2.0");

    internal static readonly SnmpUsmCredentials AesUser =
        new("cap-user", SnmpAuthProtocol.Sha256, GoldenV3Packets.AuthPassword, SnmpPrivProtocol.Aes128, GoldenV3Packets.PrivPassword);

    internal static readonly SnmpUsmCredentials DesUser =
        new("cap-des", SnmpAuthProtocol.Md5, GoldenV3Packets.AuthPassword, SnmpPrivProtocol.Des, GoldenV3Packets.PrivPassword);

    [Fact]
    public void DiscoveryRequest_IsUnauthenticatedReportableAndEmpty()
    {
        var message = SnmpV3Message.Decode(GoldenV3Packets.DiscoveryRequest);

        Assert.Equal(SnmpSecurityLevel.NoAuthNoPriv, message.SecurityLevel);
        Assert.True(message.Reportable);
        Assert.Empty(message.EngineId);
        Assert.Empty(message.UserName);
        Assert.Empty(message.ScopedPdu!.Pdu.Varbinds);
    }

    [Fact]
    public void DiscoveryReport_NamesTheEngine_ItsBootsAndTime()
    {
        var message = SnmpV3Message.Decode(GoldenV3Packets.DiscoveryReport);

        Assert.Equal(GoldenV3Packets.EngineIdHex, Convert.ToHexString(message.EngineId));
        Assert.Equal((1, 2), (message.EngineBoots, message.EngineTime));
        var report = message.ScopedPdu!.Pdu;
        Assert.Equal(SnmpPduType.Report, report.Type);
        Assert.Equal(new Varbind(UsmReports.UnknownEngineIds, SnmpValue.Counter32(1)), Assert.Single(report.Varbinds));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AuthPrivResponses_AuthenticateAndDecrypt_WithTheLocalisedKeys(bool des)
    {
        var message = SnmpV3Message.Decode(des ? GoldenV3Packets.DesResponse : GoldenV3Packets.AesResponse);
        var user = UsmLocalizedUser.Create(des ? DesUser : AesUser, GoldenV3Packets.EngineId);

        var incoming = UsmProcessor.Process(message, user, null);

        Assert.Equal(UsmError.None, incoming.Error);
        Assert.Equal(SnmpPduType.Response, incoming.ScopedPdu!.Pdu.Type);
        Assert.Equal(GoldenV3Packets.EngineId, incoming.ScopedPdu.ContextEngineId);
        Assert.Equal(new Varbind(Model, SnmpValue.OctetString("DCOps UPS v3")), incoming.ScopedPdu.Pdu.Varbinds[0]);
    }

    [Fact]
    public void SnmpgetsRequest_IsOpenedByOurUsm_AsTheAgentWould()
    {
        var table = new UsmUserTable([AesUser, DesUser]);

        var aes = UsmProcessor.ProcessNonAuthoritative(SnmpV3Message.Decode(GoldenV3Packets.AesRequest), table);
        var des = UsmProcessor.ProcessNonAuthoritative(SnmpV3Message.Decode(GoldenV3Packets.DesRequest), table);

        Assert.Equal([Model, ObjectIdentifier.Parse("1.3.6.1.2.1.1.3.0")], aes.ScopedPdu!.Pdu.Varbinds.Select(v => v.Oid));
        Assert.Equal(SnmpPduType.GetRequest, des.ScopedPdu!.Pdu.Type);
        Assert.Equal(Model, Assert.Single(des.ScopedPdu.Pdu.Varbinds).Oid);
    }

    [Fact]
    public void AuthoritativeEngine_RefusesACapturedRequest_OutsideItsTimeWindow()
    {
        var engine = new UsmLocalEngine(GoldenV3Packets.EngineId, 2, TimeProvider.System);

        var incoming = UsmProcessor.ProcessAuthoritative(SnmpV3Message.Decode(GoldenV3Packets.AesRequest), new UsmUserTable([AesUser]), engine);

        Assert.Equal(UsmError.NotInTimeWindow, incoming.Error);
    }

    [Fact]
    public void AFlippedBit_OrTheWrongPassword_IsAWrongDigest()
    {
        var tampered = (byte[])GoldenV3Packets.AesResponse.Clone();
        tampered[^1] ^= 0x01;
        var wrong = new SnmpUsmCredentials("cap-user", SnmpAuthProtocol.Sha256, "wrong-pass-1", SnmpPrivProtocol.Aes128, GoldenV3Packets.PrivPassword);

        var flipped = UsmProcessor.Process(SnmpV3Message.Decode(tampered), UsmLocalizedUser.Create(AesUser, GoldenV3Packets.EngineId), null);
        var badKey = UsmProcessor.Process(SnmpV3Message.Decode(GoldenV3Packets.AesResponse), UsmLocalizedUser.Create(wrong, GoldenV3Packets.EngineId), null);

        Assert.Equal(UsmError.WrongDigest, flipped.Error);
        Assert.Equal(UsmError.WrongDigest, badKey.Error);
    }

    [Fact]
    public void AWrongPrivPassword_IsADecryptionError()
    {
        var wrong = new SnmpUsmCredentials("cap-user", SnmpAuthProtocol.Sha256, GoldenV3Packets.AuthPassword, SnmpPrivProtocol.Aes128, "wrong-pass-1");

        var incoming = UsmProcessor.Process(SnmpV3Message.Decode(GoldenV3Packets.AesResponse), UsmLocalizedUser.Create(wrong, GoldenV3Packets.EngineId), null);

        Assert.Equal(UsmError.DecryptionError, incoming.Error);
    }

    [Fact]
    public void WrongDigestReport_BecomesTheTypedError()
    {
        var report = SnmpV3Message.Decode(GoldenV3Packets.WrongDigestReport).ScopedPdu!.Pdu;

        var error = UsmReportErrors.From(report, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 1161), AesUser);

        Assert.IsType<SnmpWrongDigestException>(error);
        Assert.StartsWith("SNMPv3: wrong authentication password for user 'cap-user' at 127.0.0.1:1161", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("303E0201033011020401EA2ADC020300FFE30401060201030410300E0400020100020100040004000400301404000400A00E02045A735E650201000201003000", "privacy without authentication")]
    [InlineData("303E0201033011020401EA2ADC020300FFE30401040201010410300E0400020100020100040004000400301404000400A00E02045A735E650201000201003000", "not USM")]
    [InlineData("303E0201033011020401EA2ADC02030001E30401040201030410300E0400020100020100040004000400301404000400A00E02045A735E650201000201003000", "msgMaxSize 483 is below 484")]
    [InlineData("303F0201033011020401EA2ADC020300FFE30401040201030410300E0400020100020100040004000400301404000400A00E02045A735E65020100020100300000", "unexpected bytes")]
    [InlineData("303E0201033011020481EA2ADC020300FFE30401040201030410300E0400020100020100040004000400301404000400A00E02045A735E650201000201003000", "msgID -2115360036 is negative")]
    public void MalformedHeaders_AreRejectedWithTheTypedError(string hex, string reason)
    {
        var error = Assert.Throws<SnmpDecodeException>(() => SnmpV3Message.Decode(Convert.FromHexString(hex)));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
