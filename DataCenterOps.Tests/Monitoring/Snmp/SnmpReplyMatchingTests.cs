using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Tests.Monitoring.Snmp;

/// <summary>A well-formed reply that does not answer its request is rejected with SnmpDecodeException.</summary>
public sealed class SnmpReplyMatchingTests
{
    private static readonly ObjectIdentifier A = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.1.0");
    private static readonly ObjectIdentifier B = ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0");

    private static readonly SnmpMessage GetAB = new(SnmpVersion.V2c, "public", SnmpPdu.Request(SnmpPduType.GetRequest, 9, [A, B]));

    private static SnmpMessage Reply(SnmpVersion version = SnmpVersion.V2c, string community = "public", SnmpPduType type = SnmpPduType.Response,
        int status = 0, int index = 0, params Varbind[] varbinds) =>
        new(version, community, new SnmpPdu(type, 9, status, index, varbinds));

    private static readonly Varbind[] Good = [new(A, SnmpValue.Integer(2)), new(B, SnmpValue.Integer(100))];

    [Fact]
    public void MatchingReply_IsAccepted() => Assert.Equal(Good, SnmpReplyCheck.Accept(GetAB, Reply(varbinds: Good)));

    [Fact]
    public void VersionMismatch_IsRejected() =>
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(SnmpVersion.V1, varbinds: Good)));

    [Fact]
    public void CommunityMismatch_IsRejected() =>
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(community: "private", varbinds: Good)));

    [Fact]
    public void PduTypeMismatch_IsRejected() =>
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(type: SnmpPduType.GetRequest, varbinds: Good)));

    [Fact]
    public void MoreVarbindsThanAsked_IsRejected() =>
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(varbinds: [.. Good, Good[0]])));

    [Fact]
    public void FewerVarbindsWithoutAnError_IsRejected() =>
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(varbinds: Good[0])));

    [Fact]
    public void GetAnsweredForAnotherOid_IsRejected() =>
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(varbinds: [Good[1], Good[0]])));

    [Fact]
    public void BulkReplyBeyondNonRepeatersPlusRepetitions_IsRejected()
    {
        var bulk = new SnmpMessage(SnmpVersion.V2c, "public", SnmpPdu.GetBulk(9, 1, 2, [A, B]));

        Assert.Equal(3, SnmpReplyCheck.Accept(bulk, Reply(varbinds: [Good[0], Good[1], Good[1]])).Count);
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(bulk, Reply(varbinds: [Good[0], Good[1], Good[1], Good[1]])));
    }

    [Fact]
    public void UnknownErrorStatusOrIndexOutOfRange_IsRejected()
    {
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(status: 19, varbinds: Good)));
        Assert.Throws<SnmpDecodeException>(() => SnmpReplyCheck.Accept(GetAB, Reply(status: 5, index: 3, varbinds: Good)));
    }

    [Fact]
    public void ErrorStatus_IsRaisedWithItsIndexAndOid()
    {
        var error = Assert.Throws<SnmpErrorStatusException>(() => SnmpReplyCheck.Accept(GetAB, Reply(status: 5, index: 2, varbinds: Good)));

        Assert.Equal(SnmpErrorStatus.GenErr, error.ErrorStatus);
        Assert.Equal(2, error.ErrorIndex);
        Assert.Equal(B, error.Oid);
    }
}
