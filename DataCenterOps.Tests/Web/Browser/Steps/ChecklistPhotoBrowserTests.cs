using DataCenterOps.Domain.Persistence;
using DataCenterOps.Domain.Photos;
using DataCenterOps.Domain.Seeding;
using DataCenterOps.Tests.Domain.Photos;
using DataCenterOps.Tests.Web.Features.Steps.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace DataCenterOps.Tests.Web.Browser.Steps;

/// <summary>The Pemeriksa takes the room photo on the tablet (real headless Chromium, 1024 × 768): it is uploaded, cleaned, stored and shown.</summary>
public sealed class ChecklistPhotoBrowserTests
{
    [Fact]
    public async Task Inspector_UploadsAPhotoOnTheChecklist_AndSeesItsThumbnail_StoredWithoutGps()
    {
        await using var app = await BrowserApp.StartAsync();
        var scenario = new PhotoScenario(app.Services);
        var (_, executionId, photoItem) = await scenario.PublishRoomPlanAsync();
        var page = await app.SignInAsync(PhotoScenario.InspectorEmail, DemoUsers.Password);

        await page.OpenAsync($"/checklists/{executionId}", "[data-testid='checklist']");
        var input = page.Locator($"input[data-photo-input='{photoItem.Order}']");
        Assert.Equal("image/*", await input.GetAttributeAsync("accept"));
        Assert.Equal("environment", await input.GetAttributeAsync("capture"));
        await input.SetInputFilesAsync(new FilePayload { Name = "IMG_0001.jpg", MimeType = "image/jpeg", Buffer = TestPhotos.JpegWithLocation() });
        await page.WaitForSelectorAsync($"img[data-photo-thumb='{photoItem.Order}']");
        await page.WaitForFunctionAsync($"() => document.querySelector(\"img[data-photo-thumb='{photoItem.Order}']\").naturalWidth === 16");

        var reference = await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().ChecklistAnswers
            .Where(a => a.ExecutionId == executionId && a.TemplateItemId == photoItem.Id).Select(a => a.PhotoReference).SingleAsync());
        var folder = app.Services.GetRequiredService<PhotoStore>().Folder;
        Assert.True(PhotoStore.IsStoredReference(reference));
        Assert.Equal(TestPhotos.Jpeg(), await File.ReadAllBytesAsync(Path.Combine(folder, reference!)));
    }

    [Fact]
    public async Task AFileThatIsNotAPhoto_IsRefusedOnThePage()
    {
        await using var app = await BrowserApp.StartAsync();
        var scenario = new PhotoScenario(app.Services);
        var (_, executionId, photoItem) = await scenario.PublishRoomPlanAsync();
        var page = await app.SignInAsync(PhotoScenario.InspectorEmail, DemoUsers.Password);

        await page.OpenAsync($"/checklists/{executionId}", "[data-testid='checklist']");
        await page.Locator($"input[data-photo-input='{photoItem.Order}']")
            .SetInputFilesAsync(new FilePayload { Name = "photo.jpg", MimeType = "image/jpeg", Buffer = "not really a photo"u8.ToArray() });

        await page.WaitForSelectorAsync("text=/bukan foto JPEG atau PNG|not a JPEG or PNG/");
        var answered = await scenario.InScopeAsync(sp => sp.GetRequiredService<DataCenterOpsDbContext>().ChecklistAnswers
            .AnyAsync(a => a.ExecutionId == executionId && a.TemplateItemId == photoItem.Id && a.PhotoReference != null));
        Assert.False(answered);
    }
}
