using MudBlazor;

namespace DataCenterOps.Web.Shared.Components;

/// <summary>Asks before an irreversible step (<see cref="ConfirmDialog"/>); null when cancelled, else the reason given ("" when none asked).</summary>
public static class ConfirmDialogs
{
    public static async Task<string?> ConfirmAsync(this IDialogService dialogs, string title, IReadOnlyList<string> lines, string confirmText,
        Color color = Color.Primary, string? reasonLabel = null, Microsoft.AspNetCore.Components.RenderFragment? preview = null, bool wide = false)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        var parameters = new DialogParameters<ConfirmDialog>
        {
            { d => d.Title, title },
            { d => d.Lines, lines },
            { d => d.ConfirmText, confirmText },
            { d => d.Color, color },
            { d => d.ReasonLabel, reasonLabel },
            { d => d.ChildContent, preview },
        };
        var dialog = await dialogs.ShowAsync<ConfirmDialog>(title, parameters,
            new DialogOptions { MaxWidth = wide ? MaxWidth.Large : MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false } ? result.Data as string ?? "" : null;
    }
}
