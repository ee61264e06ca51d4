namespace DataCenterOps.Web.Shared.Hosting;

/// <summary>
/// Section "Hosting". <see cref="ForwardedHeaders"/>: the app sits behind a TLS reverse proxy that sends
/// X-Forwarded-For and X-Forwarded-Proto; sign-in cookies are then always Secure and HSTS is sent.
/// </summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    public bool ForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers are believed; empty: loopback only.</summary>
    public IList<string> KnownProxies { get; } = [];
}
