namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>Section "Notifications:Webhooks:N": a JSON POST per notice, signed with HMAC-SHA-256 of <see cref="Secret"/>.</summary>
public sealed class WebhookChannelOptions
{
    public string? Url { get; set; }

    public string? Secret { get; set; }

    // The address may carry a token in its query: never printed whole.
    public override string ToString() => Uri.TryCreate(Url, UriKind.Absolute, out var uri) ? $"webhook {uri.Host}" : "webhook";
}
