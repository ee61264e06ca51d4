using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Plain-text email through the configured SMTP server (MailKit), one connection per message. With a user name set the
/// connection must be TLS before the credentials are sent: implicit TLS (UseSsl) or STARTTLS that the server must
/// offer; a server (or a man in the middle) that does not offer STARTTLS gets no AUTH, the send fails instead.
/// Without a user name STARTTLS is used when offered, as before.
/// </summary>
internal sealed class SmtpMailSender(IOptions<SmtpOptions> options) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage { Subject = mail.Subject, MessageId = mail.MessageId };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.AddRange(mail.To.Select(MailboxAddress.Parse));
        message.Body = new TextPart("plain") { Text = mail.Body };

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await DeliverAsync(client, smtp, message, cancellationToken);
        }
        catch (NotSupportedException ex) when (!smtp.UseSsl && !string.IsNullOrEmpty(smtp.UserName))
        {
            throw new SmtpTlsRequiredException(smtp.Host ?? "", smtp.Port, ex);
        }
    }

    private static async Task DeliverAsync(SmtpClient client, SmtpOptions smtp, MimeMessage message, CancellationToken cancellationToken)
    {
        var authenticate = !string.IsNullOrEmpty(smtp.UserName);
        var security = smtp.UseSsl ? SecureSocketOptions.SslOnConnect
            : authenticate ? SecureSocketOptions.StartTls // MailKit refuses (NotSupportedException) when STARTTLS is not offered
            : SecureSocketOptions.StartTlsWhenAvailable;
        await client.ConnectAsync(smtp.Host ?? "", smtp.Port, security, cancellationToken);
        if (authenticate)
        {
            if (!client.IsSecure)
            {
                throw new SmtpTlsRequiredException(smtp.Host ?? "", smtp.Port);
            }

            await client.AuthenticateAsync(smtp.UserName!, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
