using System.Net;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Qualifications;
using Microsoft.Extensions.DependencyInjection;

namespace DataCenterOps.Tests.Web.Features.Admin;

/// <summary>
/// The qualification matrix over HTTP with a configured requirement (Qualifications:Required:0:…): every cell says its
/// state in words beside the colour, and a recorded scan is served as the type its content was checked to be.
/// </summary>
public sealed class QualificationPageTests : IAsyncLifetime
{
    private const string CleanAgent = "Sertifikat Teknisi Pemadam Clean Agent";

    private readonly WebAppFactory _app = new();

    public Task InitializeAsync()
    {
        _app.ExtraSettings["Qualifications:Required:0:Kind"] = CleanAgent;
        _app.ExtraSettings["Qualifications:Required:0:Role"] = Roles.Inspector;
        _app.ExtraSettings["Qualifications:Required:0:EquipmentKind"] = "FireSuppression";
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Matrix_ShowsEachPersonsStateInWords_AndTheScanIsServedByItsContentType()
    {
        using var supervisor = await SignInClient.ClientAsync(_app, Roles.Supervisor);
        var record = await RecordAsync();

        var html = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/admin/qualifications"));
        using var file = await supervisor.GetAsync($"/admin/qualifications/{record.Id}/file");

        Assert.Contains("data-testid=\"qualification-matrix\"", html, StringComparison.Ordinal);
        Assert.Contains(CleanAgent, html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Valid\"", html, StringComparison.Ordinal);
        Assert.Contains("data-state=\"Missing\"", html, StringComparison.Ordinal);
        Assert.Contains("Berlaku", html, StringComparison.Ordinal);
        Assert.Contains("Tidak ada", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Pemeriksa_MayNotOpenTheMatrix()
    {
        using var inspector = await SignInClient.ClientAsync(_app, Roles.Inspector);

        using var response = await inspector.GetAsync("/admin/qualifications");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private async Task<Qualification> RecordAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider.GetRequiredService<PeopleDirectory>();
        var manager = (await people.InRoleAsync(Roles.Manager)).First();
        var inspector = (await people.InRoleAsync(Roles.Inspector)).First();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        return await scope.ServiceProvider.GetRequiredService<QualificationService>().RecordAsync(await people.ActorAsync(manager.Id),
            new NewQualification(inspector.Id, CleanAgent, "BNSP", "KUA-2026-001", today.AddDays(-10), today.AddYears(2), Png));
    }
}
