namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>Section "Notifications:Telegram": with both set, every notice goes to the chat through the Bot API.</summary>
public sealed class TelegramChannelOptions
{
    public string? BotToken { get; set; }

    public string? ChatId { get; set; }

    /// <summary>The Bot API's address (a test or a proxy may replace it).</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BotToken) && !string.IsNullOrWhiteSpace(ChatId);

    public override string ToString() => IsConfigured ? $"telegram chat {ChatId}" : "telegram off";
}
