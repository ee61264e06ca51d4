using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Web.Features.Routine;

/// <summary>Section "Smtp": the mail server the routine's notifications go through. No Host: nothing is sent (and the tile says so).</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    [Required]
    [EmailAddress]
    public string From { get; set; } = "datacenterops@localhost.localdomain";

    /// <summary>True: TLS from the first byte (e.g. port 465). False: STARTTLS only when the server offers it.</summary>
    public bool UseSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
