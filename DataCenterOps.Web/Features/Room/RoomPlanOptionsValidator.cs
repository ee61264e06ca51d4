using System.Globalization;
using Microsoft.Extensions.Options;

namespace DataCenterOps.Web.Features.Room;

/// <summary>Every shape has a size and lies inside the room.</summary>
internal sealed class RoomPlanOptionsValidator : IValidateOptions<RoomPlanOptions>
{
    public ValidateOptionsResult Validate(string? name, RoomPlanOptions options)
    {
        var problems = new List<string>();
        if (options.Width <= 0 || options.Height <= 0)
        {
            problems.Add("Room:Plan: Width and Height must be positive.");
        }

        for (var i = 0; i < options.Items.Count; i++)
        {
            var item = options.Items[i];
            var label = string.IsNullOrWhiteSpace(item.Label) ? i.ToString(CultureInfo.InvariantCulture) : item.Label;
            if (item.Width <= 0 || item.Height <= 0)
            {
                problems.Add($"Room:Plan:Items '{label}': Width and Height must be positive.");
            }

            if (item.FeedCapacityAmps is <= 0 || item.FeedCapacityKw is <= 0)
            {
                problems.Add($"Room:Plan:Items '{label}': FeedCapacityAmps and FeedCapacityKw must be positive.");
            }

            if (item.PowerDeviceId is { Length: > 0 } && item.FeedCapacityAmps is null && item.FeedCapacityKw is null)
            {
                problems.Add($"Room:Plan:Items '{label}': a PowerDeviceId needs FeedCapacityAmps or FeedCapacityKw.");
            }

            if (item.X < 0 || item.Y < 0 || item.X + item.Width > options.Width || item.Y + item.Height > options.Height)
            {
                problems.Add($"Room:Plan:Items '{label}': lies outside the room.");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
