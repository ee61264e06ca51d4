using DataCenterOps.Monitoring.Snmp;

namespace DataCenterOps.Monitoring.Traps;

/// <summary>
/// The security step between a datagram and its notification: checks who sent it (community, or SNMPv3 USM:
/// authentication, decryption, time window) and decodes the PDU. Register implementations as singletons; the receiver
/// gives each datagram to the first one whose <see cref="Handles"/> accepts its msgVersion. The community processor
/// handles v1 and v2c, the USM processor v3 (Traps/README.md).
/// </summary>
public interface ITrapSecurityProcessor
{
    /// <summary>Whether this processor handles messages with this msgVersion (0 = v1, 1 = v2c, 3 = v3).</summary>
    bool Handles(long messageVersion);

    /// <summary>
    /// Checks and decodes one datagram. Returns null when the security model refuses it (e.g. an unknown USM user or a
    /// bad digest: counted as <c>auth_failed</c>) or when it was not a notification but a step of the protocol (SNMPv3
    /// engine discovery); throws <see cref="SnmpDecodeException"/> when it is malformed. <paramref name="report"/> is what
    /// to send back to the sender when null is returned (an SNMPv3 Report), or null to send nothing.
    /// </summary>
    TrapSecurityResult? Process(ReadOnlySpan<byte> datagram, out TrapSecurityReport? report);

    /// <summary>Encodes the Response to an InformRequest (same request-id and varbinds, RFC 3416 §4.2.7) in the request's security model.</summary>
    byte[] EncodeInformResponse(TrapSecurityResult inform);
}
