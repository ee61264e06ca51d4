using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>Checks the nested channel settings at start (data annotations do not look inside lists).</summary>
internal sealed class NotificationChannelOptionsValidator : IValidateOptions<NotificationChannelOptions>
{
    /// <summary>A webhook secret shorter than this is refused (HMAC keys should not be guessable).</summary>
    public const int MinSecretLength = 16;

    public ValidateOptionsResult Validate(string? name, NotificationChannelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Alertmanager.IsConfigured && !IsHttp(options.Alertmanager.Url))
        {
            errors.Add("Notifications:Alertmanager:Url must be an absolute http(s) address.");
        }

        if (options.Alertmanager.RepeatInterval < TimeSpan.FromSeconds(1) || options.Alertmanager.RepeatInterval > TimeSpan.FromHours(1))
        {
            errors.Add("Notifications:Alertmanager:RepeatInterval must be between 00:00:01 and 01:00:00.");
        }

        for (var i = 0; i < options.Webhooks.Count; i++)
        {
            var hook = options.Webhooks[i];
            if (!IsHttp(hook.Url))
            {
                errors.Add($"Notifications:Webhooks:{i}:Url must be an absolute http(s) address.");
            }

            if (string.IsNullOrEmpty(hook.Secret) || hook.Secret.Length < MinSecretLength)
            {
                errors.Add($"Notifications:Webhooks:{i}:Secret must be at least {MinSecretLength} characters.");
            }
        }

        var telegram = options.Telegram;
        if (string.IsNullOrWhiteSpace(telegram.BotToken) != string.IsNullOrWhiteSpace(telegram.ChatId))
        {
            errors.Add("Notifications:Telegram needs both BotToken and ChatId (or neither).");
        }

        if (!IsHttp(telegram.ApiBaseUrl))
        {
            errors.Add("Notifications:Telegram:ApiBaseUrl must be an absolute http(s) address.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsHttp(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
