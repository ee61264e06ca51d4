using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>SNMPv1 and v2c: the community is the whole of the security; whether it is right is decided per device by the receiver.</summary>
internal sealed class CommunityTrapSecurityProcessor : ITrapSecurityProcessor
{
    public bool Handles(long messageVersion) => messageVersion is 0 or 1;

    public TrapSecurityResult? Process(ReadOnlySpan<byte> datagram, out TrapSecurityReport? report)
    {
        report = null;
        var notification = TrapMessageDecoder.Decode(datagram, out var community);
        return new TrapSecurityResult(notification, TrapPrincipal.Community(community));
    }

    public byte[] EncodeInformResponse(TrapSecurityResult inform)
    {
        ArgumentNullException.ThrowIfNull(inform);
        var request = inform.Notification;
        var response = SnmpPdu.Response(request.RequestId, SnmpErrorStatus.NoError, 0, request.Varbinds);
        return new SnmpMessage(request.Version, inform.Principal.CommunityBytes, response).Encode();
    }
}
