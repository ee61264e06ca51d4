using System.Net;
using System.Net.Sockets;
using System.Text;
using DataCenterOps.Tests.TestSupport;
using DataCenterOps.Web.Features.Routine;
using DataCenterOps.Web.Features.Routine.Notifications;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Tests.Web.Features.Routine.Notifications;

/// <summary>With a user name, SMTP credentials only travel over TLS: a server that offers no STARTTLS gets no AUTH.</summary>
public sealed class SmtpTlsRequirementTests
{
    [Fact]
    public async Task WithUserName_AServerWithoutStartTls_IsRefused_BeforeAnyAuth()
    {
        await using var server = new PlainSmtpServer();
        var sender = new SmtpMailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, UserName = "dcops", Password = "hunter2-secret" }));

        await Assert.ThrowsAsync<SmtpTlsRequiredException>(() =>
            sender.SendAsync(new OutgoingMail("1@datacenterops", ["operator@dcops.local"], "s", "b"), CancellationToken.None));
        await server.SessionDone.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(server.Commands, c => c.StartsWith("EHLO", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(server.Commands, c => c.Contains("hunter2", StringComparison.Ordinal) || c.StartsWith("MAIL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutUserName_TheSameServer_TakesTheMail()
    {
        await using var server = new PlainSmtpServer();
        var sender = new SmtpMailSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Port }));

        await sender.SendAsync(new OutgoingMail("2@datacenterops", ["operator@dcops.local"], "s", "b"), CancellationToken.None);
        await server.SessionDone.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains(server.Commands, c => c.StartsWith("MAIL FROM", StringComparison.Ordinal));
        Assert.DoesNotContain(server.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A tiny SMTP server offering AUTH but no STARTTLS (what a stripping man in the middle shows); one session.</summary>
    private sealed class PlainSmtpServer : IAsyncDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public PlainSmtpServer()
        {
            _listener.Start();
            SessionDone = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<string> Commands { get; } = [];

        public Task SessionDone { get; }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            try
            {
                await SessionDone.WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException or TimeoutException)
            {
                // The test has what it needs.
            }

            _listener.Dispose();
        }

        private async Task ServeAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 fake.local ESMTP");
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (Commands)
                {
                    Commands.Add(line);
                }

                var verb = line.Split(' ')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteAsync("250-fake.local\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME\r\n");
                        break;
                    case "AUTH":
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 go ahead");
                        while (await reader.ReadLineAsync() is { } data && data != ".")
                        {
                        }

                        await writer.WriteLineAsync("250 2.0.0 queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 ok");
                        break;
                }
            }
        }
    }
}
