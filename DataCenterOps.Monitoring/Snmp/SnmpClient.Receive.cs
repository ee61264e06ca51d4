using System.Net;
using System.Net.Sockets;

namespace DataCenterOps.Monitoring.Snmp;

public sealed partial class SnmpClient
{
    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(ReceiveBufferSize, pinned: true);
        var sender = new SocketAddress(_socket.AddressFamily);
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, sender, token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || token.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // An ICMP port-unreachable may surface as ConnectionReset on some platforms: not fatal.
                SnmpClientLog.ReceiveFailed(_logger, e);
                continue;
            }

            Dispatch(buffer.AsSpan(0, received), sender);
        }
    }

    private void Dispatch(ReadOnlySpan<byte> datagram, SocketAddress sender)
    {
        Interlocked.Increment(ref _received);
        if (Usm.SnmpV3Message.PeekVersion(datagram) == (int)SnmpVersion.V3)
        {
            DispatchV3(datagram, sender);
            return;
        }

        SnmpMessage message;
        try
        {
            message = SnmpMessage.Decode(datagram);
        }
        catch (SnmpDecodeException e)
        {
            Interlocked.Increment(ref _rejected);
            SnmpClientLog.ReplyRejected(_logger, datagram.Length, sender, e.Message);
            RouteRejection(datagram, sender, e);
            return;
        }

        if (_pending.TryGetValue(message.Pdu.RequestId, out var pending) && pending.Address.Equals(sender))
        {
            pending.Complete(message);
            return;
        }

        Interlocked.Increment(ref _dropped);
        SnmpClientLog.ReplyDropped(_logger, message.Pdu.RequestId, sender);
    }

    private void DispatchV3(ReadOnlySpan<byte> datagram, SocketAddress sender)
    {
        Usm.SnmpV3Message message;
        try
        {
            message = Usm.SnmpV3Message.Decode(datagram);
        }
        catch (SnmpDecodeException e)
        {
            Interlocked.Increment(ref _rejected);
            SnmpClientLog.ReplyRejected(_logger, datagram.Length, sender, e.Message);
            RouteRejection(datagram, sender, e);
            return;
        }

        // Authentication and decryption happen in the waiting request, which holds the keys.
        if (_pending.TryGetValue(message.MessageId, out var pending) && pending.Address.Equals(sender))
        {
            pending.Complete(message);
            return;
        }

        Interlocked.Increment(ref _dropped);
        SnmpClientLog.ReplyDropped(_logger, message.MessageId, sender);
    }

    /// <summary>
    /// A corrupt reply whose header still names a waiting request fails that request at once;
    /// otherwise every request waiting on that agent remembers it, to report instead of a bare timeout.
    /// </summary>
    private void RouteRejection(ReadOnlySpan<byte> datagram, SocketAddress sender, SnmpDecodeException error)
    {
        if (SnmpMessageDecoder.TryPeekRequestId(datagram, out var requestId) &&
            _pending.TryGetValue(requestId, out var pending) && pending.Address.Equals(sender))
        {
            pending.Fail(error);
            return;
        }

        foreach (var waiting in _pending.Values)
        {
            if (waiting.Address.Equals(sender))
            {
                waiting.Rejection = error;
            }
        }
    }
}
