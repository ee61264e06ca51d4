using System.Text;
using MimeKit;

namespace DataCenterOps.Tests.Web.Features.Routine;

/// <summary>One message the <see cref="SmtpSink"/> accepted.</summary>
public sealed record SinkMessage(string From, IReadOnlyList<string> To, string Data)
{
    public MimeMessage Parse()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Data));
        return MimeMessage.Load(stream);
    }

    public string Subject => Parse().Subject ?? "";
}
