using System.Net;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>
/// A request waiting for its reply: matched by request-id (v1/v2c) or msgID (v3, the same number) and by the
/// address it was sent to. The reply is an <see cref="SnmpMessage"/> or an <see cref="Usm.SnmpV3Message"/>.
/// </summary>
internal sealed class PendingRequest(int requestId, SocketAddress address)
{
    private readonly TaskCompletionSource<object> _reply = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SnmpDecodeException? _rejection;

    public int RequestId => requestId;

    public SocketAddress Address => address;

    public Task<object> Reply => _reply.Task;

    /// <summary>The last undecodable datagram its agent sent while it waited; reported instead of a plain timeout.</summary>
    public SnmpDecodeException? Rejection
    {
        get => Volatile.Read(ref _rejection);
        set => Volatile.Write(ref _rejection, value);
    }

    public void Complete(SnmpMessage message) => _reply.TrySetResult(message);

    public void Complete(Usm.SnmpV3Message message) => _reply.TrySetResult(message);

    public void Fail(Exception exception) => _reply.TrySetException(exception);
}
