namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>The SMTP server did not give a TLS connection, so the credentials were not sent (Smtp:UserName is set).</summary>
public sealed class SmtpTlsRequiredException : IOException
{
    public SmtpTlsRequiredException(string host, int port, Exception? innerException = null)
        : base($"The SMTP server {host}:{port} offers no TLS (no STARTTLS); the user name and password were not sent. Use a server with STARTTLS or Smtp:UseSsl.", innerException)
    {
    }
}
