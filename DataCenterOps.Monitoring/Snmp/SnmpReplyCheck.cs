namespace DataCenterOps.Monitoring.Snmp;

/// <summary>Checks that a reply, already matched by request-id and sender, really answers its request.</summary>
internal static class SnmpReplyCheck
{
    public static IReadOnlyList<Varbind> Accept(SnmpMessage request, SnmpMessage reply)
    {
        if (reply.Version != request.Version)
        {
            throw Mismatch($"version {reply.Version} answers a {request.Version} request");
        }

        if (!reply.Community.Span.SequenceEqual(request.Community.Span))
        {
            throw Mismatch("community differs from the request's");
        }

        return Accept(request.Pdu, reply.Pdu);
    }

    /// <summary>The PDU-level checks, shared with SNMPv3 (whose header checks are the USM's).</summary>
    public static IReadOnlyList<Varbind> Accept(SnmpPdu requestPdu, SnmpPdu pdu)
    {
        if (pdu.Type != SnmpPduType.Response)
        {
            throw Mismatch($"{pdu.Type} is not a Response");
        }

        if (pdu.Field2 is < 0 or > (int)SnmpErrorStatus.InconsistentName)
        {
            throw Mismatch($"unknown error-status {pdu.Field2}");
        }

        var asked = requestPdu.Varbinds;
        if (pdu.ErrorIndex < 0 || pdu.ErrorIndex > asked.Count)
        {
            throw Mismatch($"error-index {pdu.ErrorIndex} outside the {asked.Count} varbinds asked");
        }

        var got = pdu.Varbinds;
        var max = MaxVarbinds(requestPdu);
        if (got.Count > max)
        {
            throw Mismatch($"{got.Count} varbinds answer a request that allows {max}");
        }

        if (pdu.ErrorStatus != SnmpErrorStatus.NoError)
        {
            ObjectIdentifier? oid = pdu.ErrorIndex > 0 ? asked[pdu.ErrorIndex - 1].Oid : null;
            throw new SnmpErrorStatusException(pdu.ErrorStatus, pdu.ErrorIndex, oid);
        }

        if (requestPdu.Type != SnmpPduType.GetBulkRequest && got.Count != asked.Count)
        {
            throw Mismatch($"{got.Count} varbinds answer {asked.Count}");
        }

        if (requestPdu.Type == SnmpPduType.GetRequest)
        {
            for (var i = 0; i < got.Count; i++)
            {
                if (got[i].Oid != asked[i].Oid)
                {
                    throw Mismatch($"varbind {i + 1} is {got[i].Oid}, not the {asked[i].Oid} asked");
                }
            }
        }

        return got;
    }

    private static int MaxVarbinds(SnmpPdu request)
    {
        if (request.Type != SnmpPduType.GetBulkRequest)
        {
            return request.Varbinds.Count;
        }

        // RFC 3416 §4.2.3: N non-repeaters plus M repetitions of the R others.
        var count = request.Varbinds.Count;
        var n = Math.Clamp(request.NonRepeaters, 0, count);
        var m = Math.Max(request.MaxRepetitions, 0);
        return (int)Math.Min(int.MaxValue, n + ((long)m * (count - n)));
    }

    private static SnmpDecodeException Mismatch(string reason) => new($"SNMP reply does not match its request: {reason}.");
}
