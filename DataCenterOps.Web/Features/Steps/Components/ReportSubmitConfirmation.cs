using DataCenterOps.Domain.Reports;
using DataCenterOps.Web.Shared.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace DataCenterOps.Web.Features.Steps.Components;

/// <summary>Before a Laporan goes to the Pengawas: what will happen, and the Laporan exactly as the Pengawas will see it.</summary>
public static class ReportSubmitConfirmation
{
    public static async Task<bool> AskAsync(IDialogService dialogs, IStringLocalizer<Ui> l, ReportContent preview, IReadOnlyDictionary<string, string> names)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(preview);
        RenderFragment view = builder =>
        {
            builder.OpenComponent<ReportContentView>(0);
            builder.AddComponentParameter(1, nameof(ReportContentView.Content), preview);
            builder.AddComponentParameter(2, nameof(ReportContentView.Names), names);
            builder.CloseComponent();
        };
        var flagged = preview.Items.Sum(i => i.Answers.Count(a => a.IsFlagged));
        var lines = new List<string> { l["Confirm.Submit.What"], l["Confirm.Submit.Frozen"] };
        if (flagged > 0)
        {
            lines.Add(string.Format(System.Globalization.CultureInfo.CurrentCulture, l["Confirm.Submit.Flagged"], flagged));
        }

        return await dialogs.ConfirmAsync(l["Confirm.Submit.Title"], lines, l["SubmitReport"], Color.Success, preview: view, wide: true) is not null;
    }
}
