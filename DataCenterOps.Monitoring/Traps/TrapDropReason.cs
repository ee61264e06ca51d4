namespace DataCenterOps.Monitoring.Traps;

/// <summary>Why a datagram was dropped: the <c>reason</c> label of <c>dcops_traps_dropped_total</c>.</summary>
public enum TrapDropReason
{
    /// <summary>Not a well-formed v1/v2c notification (bad BER, wrong PDU, missing sysUpTime.0/snmpTrapOID.0).</summary>
    Malformed,

    /// <summary>Larger than Monitoring:Traps:MaxMessageSize.</summary>
    Oversized,

    /// <summary>Its source exceeded the per-source token bucket.</summary>
    RateLimited,

    /// <summary>The queue to processing was full.</summary>
    QueueFull,

    /// <summary>A msgVersion no installed security processor handles (SNMPv3 until the USM processor is merged).</summary>
    UnsupportedVersion,

    /// <summary>The security processor refused it (e.g. unknown USM user, wrong digest).</summary>
    AuthFailed,

    /// <summary>An authenticated SNMPv3 trap outside the 150 s window of its sender's engine boots/time (RFC 3414 §3.2 7b).</summary>
    NotInTimeWindow,

    /// <summary>An authenticated SNMPv3 message identical to one already received within the window.</summary>
    Replayed,
}
