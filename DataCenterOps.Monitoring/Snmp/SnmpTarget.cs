using System.Net;

namespace DataCenterOps.Monitoring.Snmp;

/// <summary>One agent and how to talk to it.</summary>
/// <param name="Endpoint">The agent's address and UDP port (usually 161).</param>
/// <param name="Credentials">The community for v2c (<see cref="SnmpCommunity"/>); USM for v3 later.</param>
public sealed record SnmpTarget(IPEndPoint Endpoint, SnmpCredentials Credentials)
{
    /// <summary>How long to wait for each attempt.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Attempts after the first one.</summary>
    public int Retries { get; init; } = 1;

    /// <summary>Walk with GETBULK; false walks with GETNEXT (for UPS cards that mishandle GETBULK).</summary>
    public bool UseGetBulk { get; init; } = true;

    /// <summary>max-repetitions of the GETBULKs a walk sends.</summary>
    public int MaxRepetitions { get; init; } = 10;

    public static SnmpTarget V2c(IPEndPoint endpoint, string community) => new(endpoint, new SnmpCommunity(community));

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Endpoint);
        ArgumentNullException.ThrowIfNull(Credentials);
        if (Timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The timeout must be positive.");
        }

        if (Retries is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(Retries), Retries, "Retries must be 0–100.");
        }

        if (MaxRepetitions is < 1 or > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxRepetitions), MaxRepetitions, "max-repetitions must be 1–10000.");
        }
    }
}
