using System.Net.Http.Json;
using System.Text.Json.Serialization;
using DataCenterOps.Monitoring.Alarms.Incidents;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Routine.Notifications;

/// <summary>
/// Each notice as a Telegram message (Bot API <c>sendMessage</c>) to <c>Notifications:Telegram:ChatId</c>. The bot
/// token is part of the address, so the HTTP client used here logs no addresses and errors never carry it.
/// </summary>
internal sealed class TelegramAlarmNoticeSink(IHttpClientFactory http, AlarmNoticeText text, IOptions<NotificationChannelOptions> options) : IAlarmNoticeSink
{
    public async Task SendAsync(AlarmNotice notice, CancellationToken cancellationToken)
    {
        var telegram = options.Value.Telegram;
        if (!telegram.IsConfigured)
        {
            return;
        }

        await text.RefreshNamesAsync(cancellationToken).ConfigureAwait(false);
        var client = http.CreateClient(AlarmNotificationRegistration.HttpClientName);
        var address = new Uri(new Uri(telegram.ApiBaseUrl.TrimEnd('/') + "/"), $"bot{telegram.BotToken}/sendMessage");
        HttpResponseMessage response;
        try
        {
            response = await client.PostAsJsonAsync(address, new SendMessage(telegram.ChatId!, text.Body(notice)), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new HttpRequestException($"Telegram did not take notice {notice.Id} ({ex.HttpRequestError}).");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"Telegram refused notice {notice.Id} ({(int)response.StatusCode}).");
            }
        }
    }

    private sealed record SendMessage([property: JsonPropertyName("chat_id")] string ChatId, [property: JsonPropertyName("text")] string Text);
}
