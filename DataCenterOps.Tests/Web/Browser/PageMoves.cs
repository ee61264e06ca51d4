using Microsoft.Playwright;

namespace DataCenterOps.Tests.Web.Browser;

/// <summary>
/// Small moves on a Blazor Server page: wait for the live circuit before clicking, pick from a MudSelect, answer a
/// checklist item, confirm a dialog. No test framework in here: the soak drives the six steps with the same moves.
/// </summary>
internal static class PageMoves
{
    /// <summary>Opens a route and waits until the circuit is interactive (clicks before that are lost).</summary>
    public static async Task OpenAsync(this IPage page, string route, string readySelector)
    {
        await page.GotoAsync(route);
        await page.WaitForSelectorAsync("#circuit-ready", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync(readySelector);
    }

    public static async Task SelectAsync(this IPage page, string containerSelector, string optionText)
    {
        // A select enabled by an earlier choice is enabled only once that choice has made the round trip.
        await page.WaitForSelectorAsync($"{containerSelector} input:not([disabled])", new() { State = WaitForSelectorState.Attached });
        await page.Locator(containerSelector).Locator(".mud-input-control").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasTextString = optionText }).First.ClickAsync();
        await page.WaitForSelectorAsync(".mud-popover-open .mud-list-item", new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Types a value into an answer field and leaves it (the change event saves it), then waits for the saved mark.</summary>
    public static async Task AnswerAsync(this IPage page, int item, string value)
    {
        var input = page.Locator($"[data-item='{item}'] input, [data-item='{item}'] textarea").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await page.WaitForSelectorAsync($"[data-saved='{item}']", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid='saved-indicator'][data-state='Saved']");
    }

    /// <summary>Confirms the open confirmation dialog (optionally with a reason) and waits until it has closed.</summary>
    public static async Task ConfirmAsync(this IPage page, string? reason = null)
    {
        await page.WaitForSelectorAsync("[data-testid='confirm-ok']");
        if (reason is not null)
        {
            await page.Locator("textarea[data-testid='confirm-reason'], [data-testid='confirm-reason'] textarea").First.FillAsync(reason);
        }

        await page.ClickAsync("[data-testid='confirm-ok']");
        await page.WaitForSelectorAsync("[data-testid='confirm-dialog']", new() { State = WaitForSelectorState.Detached });
    }

    /// <summary>Types a doubtful reading, confirms it in the dialog, and waits for the saved mark.</summary>
    public static async Task AnswerConfirmingAsync(this IPage page, int item, string value)
    {
        var input = page.Locator($"[data-item='{item}'] input").First;
        await input.FillAsync(value);
        await input.PressAsync("Tab");
        await page.ConfirmAsync();
        await page.WaitForSelectorAsync($"[data-saved='{item}']", new() { State = WaitForSelectorState.Attached });
        await page.WaitForSelectorAsync("[data-testid='saved-indicator'][data-state='Saved']");
    }

    public static async Task ClickAnswerAsync(this IPage page, string answer)
    {
        await page.ClickAsync($"button[data-answer='{answer}']");
        var item = answer[..answer.IndexOf('-', StringComparison.Ordinal)];
        await page.WaitForSelectorAsync($"[data-saved='{item}']", new() { State = WaitForSelectorState.Attached });
    }
}
