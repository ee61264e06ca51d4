using DataCenterOps.Monitoring.Snmp;
using DataCenterOps.Monitoring.Traps;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Fuzz.Targets;

/// <summary>
/// The trap receiver's handling of one datagram, as <see cref="TrapReceiver"/> does it: version, security processing
/// (community for v1/v2c, USM for v3 with the captures' users), RFC 3584 translation, the log summary and the inform
/// response. Allowed refusals: <see cref="SnmpDecodeException"/>, <see cref="TrapRefusedException"/>, and an inform
/// that cannot be answered (<see cref="ArgumentException"/> from the encoder, which the receiver drops).
/// </summary>
internal sealed class TrapTarget : IFuzzTarget
{
    private readonly ITrapSecurityProcessor[] _processors;

    public TrapTarget()
    {
        var options = new TrapOptions
        {
            EngineId = Convert.ToHexString(SnmpV3Target.EngineId),
            Users =
            [
                new TrapUserOptions { User = "cap-user", AuthProtocol = "SHA-256", AuthPassword = "auth-pass-1", PrivProtocol = "AES", PrivPassword = "priv-pass-1" },
                new TrapUserOptions { User = "cap-des", AuthProtocol = "MD5", AuthPassword = "auth-pass-1", PrivProtocol = "DES", PrivPassword = "priv-pass-1" },
            ],
        };
        _processors =
        [
            new CommunityTrapSecurityProcessor(),
            new UsmTrapSecurityProcessor(Options.Create(options), TimeProvider.System, NullLogger<UsmTrapSecurityProcessor>.Instance),
        ];
    }

    public string Name => "trap";

    public int MaxInputLength => 1472;

    public bool Run(byte[] input)
    {
        try
        {
            var version = TrapMessageDecoder.PeekVersion(input);
            var processor = Array.Find(_processors, p => p.Handles(version));
            if (processor?.Process(input, out _) is not { } result)
            {
                return false;
            }

            _ = TrapVarbindSummary.Of(result.Notification);
            _ = result.Notification.TrapName;
            if (result.Notification.IsInform)
            {
                try
                {
                    SnmpMessageDecoder.TryPeekRequestId(processor.EncodeInformResponse(result), out _);
                }
                catch (ArgumentException)
                {
                    return false;
                }
            }

            return true;
        }
        catch (Exception e) when (e is SnmpDecodeException or TrapRefusedException)
        {
            return false;
        }
    }
}
