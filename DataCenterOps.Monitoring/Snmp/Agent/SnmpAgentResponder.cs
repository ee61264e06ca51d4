namespace DataCenterOps.Monitoring.Snmp.Agent;

/// <summary>Builds the Response-PDU for one request against one view (RFC 3416 §4.2; v1 per RFC 1157 and RFC 3584).</summary>
internal static class SnmpAgentResponder
{
    /// <summary>The response to send, or null when the request gets no answer (not a request, or GETBULK in v1).</summary>
    public static SnmpMessage? Respond(SnmpMessage request, ISnmpAgentView view, int maxMessageSize)
    {
        var pdu = request.Pdu;
        var response = RespondPdu(request.Version == SnmpVersion.V1, pdu, view, request.Community.Length, maxMessageSize);
        if (response is null)
        {
            return null;
        }

        var message = new SnmpMessage(request.Version, request.Community, response);
        if (message.GetEncodedLength() <= maxMessageSize)
        {
            return message;
        }

        // RFC 3416 §4.2.1: too big → tooBig with an empty varbind list.
        return new SnmpMessage(request.Version, request.Community,
            SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.TooBig, 0, []));
    }

    /// <summary>
    /// The Response-PDU alone (v2c rules unless <paramref name="v1"/>), or null for no answer. GETBULK is cut to
    /// fit a community message with a community of <paramref name="headerAllowance"/> bytes in <paramref name="maxMessageSize"/>;
    /// SNMPv3 passes its header's extra size there.
    /// </summary>
    public static SnmpPdu? RespondPdu(bool v1, SnmpPdu pdu, ISnmpAgentView view, int headerAllowance, int maxMessageSize) => pdu.Type switch
    {
        SnmpPduType.GetRequest => v1 ? GetV1(pdu, view) : Get(pdu, view),
        SnmpPduType.GetNextRequest => v1 ? GetNextV1(pdu, view) : GetNext(pdu, view),
        SnmpPduType.GetBulkRequest when !v1 => GetBulk(pdu, view, headerAllowance, maxMessageSize),
        SnmpPduType.SetRequest => Error(pdu, v1 ? SnmpErrorStatus.NoSuchName : SnmpErrorStatus.NoAccess, 1),
        _ => null,
    };

    private static SnmpPdu Get(SnmpPdu pdu, ISnmpAgentView view)
    {
        var result = new Varbind[pdu.Varbinds.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var oid = pdu.Varbinds[i].Oid;
            result[i] = new Varbind(oid, view.TryGet(oid, out var value) ? value : Missing(oid, view));
        }

        return SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.NoError, 0, result);
    }

    /// <summary>noSuchInstance when the OID lies in an object type the view implements, else noSuchObject.</summary>
    private static SnmpValue Missing(ObjectIdentifier oid, ISnmpAgentView view) =>
        view.ImplementsObjectOf(oid) ? SnmpValue.NoSuchInstance : SnmpValue.NoSuchObject;

    private static SnmpPdu GetNext(SnmpPdu pdu, ISnmpAgentView view)
    {
        var result = new Varbind[pdu.Varbinds.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Next(pdu.Varbinds[i].Oid, view);
        }

        return SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.NoError, 0, result);
    }

    private static Varbind Next(ObjectIdentifier oid, ISnmpAgentView view) =>
        view.TryGetNext(oid, out var next, out var value) ? new Varbind(next, value) : new Varbind(oid, SnmpValue.EndOfMibView);

    private static SnmpPdu GetV1(SnmpPdu pdu, ISnmpAgentView view)
    {
        var result = new Varbind[pdu.Varbinds.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var oid = pdu.Varbinds[i].Oid;
            if (!view.TryGet(oid, out var value) || !FitsV1(value))
            {
                return Error(pdu, SnmpErrorStatus.NoSuchName, i + 1);
            }

            result[i] = new Varbind(oid, value);
        }

        return SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.NoError, 0, result);
    }

    private static SnmpPdu GetNextV1(SnmpPdu pdu, ISnmpAgentView view)
    {
        var result = new Varbind[pdu.Varbinds.Count];
        for (var i = 0; i < result.Length; i++)
        {
            var oid = pdu.Varbinds[i].Oid;
            SnmpValue value;
            do
            {
                // RFC 3584 §4.2.2.1: v1 cannot carry Counter64, so skip past such values.
                if (!view.TryGetNext(oid, out oid, out value))
                {
                    return Error(pdu, SnmpErrorStatus.NoSuchName, i + 1);
                }
            }
            while (!FitsV1(value));

            result[i] = new Varbind(oid, value);
        }

        return SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.NoError, 0, result);
    }

    private static bool FitsV1(SnmpValue value) => value.Type != SnmpValueType.Counter64 && !value.IsException;

    private static SnmpPdu GetBulk(SnmpPdu pdu, ISnmpAgentView view, int communityLength, int maxMessageSize)
    {
        var asked = pdu.Varbinds;
        var nonRepeaters = Math.Clamp(pdu.NonRepeaters, 0, asked.Count);
        var repeaters = asked.Count - nonRepeaters;
        var maxRepetitions = Math.Max(pdu.MaxRepetitions, 0);
        var result = new List<Varbind>(Math.Min(nonRepeaters + (repeaters * Math.Min(maxRepetitions, 64)), 1024));
        var listContent = 0;

        bool TryAdd(Varbind varbind)
        {
            var length = BerWriter.VarbindLength(varbind);
            if (SnmpMessage.EncodedLength(communityLength, pdu.RequestId, 0, 0, listContent + length) > maxMessageSize)
            {
                return false;
            }

            listContent += length;
            result.Add(varbind);
            return true;
        }

        for (var i = 0; i < nonRepeaters; i++)
        {
            if (!TryAdd(Next(asked[i].Oid, view)))
            {
                return SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.TooBig, 0, []);
            }
        }

        var cursors = new ObjectIdentifier[repeaters];
        for (var j = 0; j < repeaters; j++)
        {
            cursors[j] = asked[nonRepeaters + j].Oid;
        }

        // Repeat until max-repetitions, a full message, or every column at endOfMibView (RFC 3416 §4.2.3).
        for (var r = 0; r < maxRepetitions && repeaters > 0; r++)
        {
            var allEnded = true;
            for (var j = 0; j < repeaters; j++)
            {
                var varbind = Next(cursors[j], view);
                if (!TryAdd(varbind))
                {
                    return SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.NoError, 0, result);
                }

                allEnded &= varbind.Value.Type == SnmpValueType.EndOfMibView;
                cursors[j] = varbind.Oid;
            }

            if (allEnded)
            {
                break;
            }
        }

        return SnmpPdu.Response(pdu.RequestId, SnmpErrorStatus.NoError, 0, result);
    }

    private static SnmpPdu Error(SnmpPdu pdu, SnmpErrorStatus status, int index) =>
        SnmpPdu.Response(pdu.RequestId, status, index, pdu.Varbinds);
}
