namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// A v1/v2c PDU. The two middle fields mean error-status and error-index in every PDU but
/// GetBulkRequest, where they are non-repeaters and max-repetitions (RFC 3416 §3).
/// </summary>
public sealed class SnmpPdu
{
    public SnmpPdu(SnmpPduType type, int requestId, int field2, int field3, IReadOnlyList<Varbind> varbinds)
    {
        ArgumentNullException.ThrowIfNull(varbinds);
        Type = type;
        RequestId = requestId;
        Field2 = field2;
        Field3 = field3;
        Varbinds = varbinds;
    }

    public SnmpPduType Type { get; }

    public int RequestId { get; }

    public IReadOnlyList<Varbind> Varbinds { get; }

    public SnmpErrorStatus ErrorStatus => (SnmpErrorStatus)Field2;

    public int ErrorIndex => Field3;

    public int NonRepeaters => Field2;

    public int MaxRepetitions => Field3;

    internal int Field2 { get; }

    internal int Field3 { get; }

    public static SnmpPdu Request(SnmpPduType type, int requestId, IReadOnlyList<ObjectIdentifier> oids) =>
        new(type, requestId, 0, 0, WithNulls(oids));

    public static SnmpPdu GetBulk(int requestId, int nonRepeaters, int maxRepetitions, IReadOnlyList<ObjectIdentifier> oids) =>
        new(SnmpPduType.GetBulkRequest, requestId, nonRepeaters, maxRepetitions, WithNulls(oids));

    public static SnmpPdu Response(int requestId, SnmpErrorStatus errorStatus, int errorIndex, IReadOnlyList<Varbind> varbinds) =>
        new(SnmpPduType.Response, requestId, (int)errorStatus, errorIndex, varbinds);

    private static Varbind[] WithNulls(IReadOnlyList<ObjectIdentifier> oids)
    {
        ArgumentNullException.ThrowIfNull(oids);
        var varbinds = new Varbind[oids.Count];
        for (var i = 0; i < varbinds.Length; i++)
        {
            varbinds[i] = new Varbind(oids[i], SnmpValue.Null);
        }

        return varbinds;
    }
}
