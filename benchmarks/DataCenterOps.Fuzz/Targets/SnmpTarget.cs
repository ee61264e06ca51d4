using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Snmp.Agent;

namespace DataCenterOps.Fuzz.Targets;

/// <summary>
/// SNMP v1/v2c messages (BER): decoding may only throw <see cref="SnmpDecodeException"/>; what decodes re-encodes to
/// the same message and the agent answers it without throwing.
/// </summary>
internal sealed class SnmpTarget : IFuzzTarget
{
    private readonly SnmpMibTable _table = new();

    public SnmpTarget()
    {
        _table.Set(ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.1.0"), SnmpValue.Integer(2));
        _table.Set(ObjectIdentifier.Parse("1.3.6.1.2.1.33.1.2.4.0"), SnmpValue.Counter64(9));
    }

    public string Name => "snmp";

    public int MaxInputLength => 1472;

    public bool Run(byte[] input)
    {
        SnmpMessageDecoder.TryPeekRequestId(input, out _);
        SnmpMessage message;
        try
        {
            message = SnmpMessage.Decode(input);
        }
        catch (SnmpDecodeException)
        {
            return false;
        }

        var again = SnmpMessage.Decode(message.Encode());
        if (again.Version != message.Version || again.Pdu.Type != message.Pdu.Type || again.Pdu.RequestId != message.Pdu.RequestId ||
            again.Pdu.Field2 != message.Pdu.Field2 || again.Pdu.Field3 != message.Pdu.Field3 ||
            !again.Community.Span.SequenceEqual(message.Community.Span) || !again.Pdu.Varbinds.SequenceEqual(message.Pdu.Varbinds))
        {
            throw new InvalidOperationException("The re-encoded message decodes differently.");
        }

        SnmpAgentResponder.Respond(message, _table, 1472)?.Encode();
        return true;
    }
}
