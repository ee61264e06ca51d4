using static DataCenterOps.Tests.Web.Shared.Localization.UiResources;

namespace DataCenterOps.Tests.Web.Shared.Localization;

/// <summary>Everything a user reads in a component comes from the resources (@L["..."]), not from a literal in the markup.</summary>
public sealed class RazorLiteralTests
{
    /// <summary>Components whose text is deliberately fixed, with the reason.</summary>
    private static readonly Dictionary<string, string> FixedTextComponents = new(StringComparer.Ordinal)
    {
        // The Surat Tugas is an official Indonesian letter (as its PDF): printed in Indonesian whatever the reader's language.
        ["Features/Steps/Components/Letters/LetterSheet.razor"] = "official Indonesian letter",
        // The HTML shell: no text, only the document's head and the router.
        ["Shared/App.razor"] = "document shell",
    };

    public static TheoryData<string> Components()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(WebProject, "*.razor", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(WebProject, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => !FixedTextComponents.ContainsKey(f))
            .Order(StringComparer.Ordinal))
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Components))]
    public void Component_HasNoUserVisibleLiteral(string component)
    {
        var found = RazorLiteralScanner.Find(File.ReadAllText(Path.Combine(WebProject, component))).ToList();

        Assert.True(found.Count == 0, $"{component}: literal text, use @L[\"...\"]: {string.Join(" | ", found)}");
    }

    [Theory]
    [InlineData("<MudButton OnClick=\"Save\">Save</MudButton>", "Save")]
    [InlineData("<MudTextField Label=\"Vendor\" @bind-Value=\"_vendor\" />", "Label=\"Vendor\"")]
    [InlineData("<p>Surat Tugas @x.Number was revoked</p>", "was revoked")]
    [InlineData("<span title=\"Close the dialog\">×</span>", "title=\"Close the dialog\"")]
    public void Scanner_FindsLiterals(string razor, string expected)
    {
        Assert.Contains(RazorLiteralScanner.Find(razor), f => f.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("<MudButton OnClick=\"() => SaveAsync(x > 0)\">@L[\"Save\"]</MudButton>")]
    [InlineData("<MudTextField Label=\"@L[\"Access.Field.Name\"]\" @bind-Value=\"_name\" />")]
    [InlineData("<p>Surat Tugas @letter.Number · @L[\"Revision\"] @r.Revision</p>")]
    [InlineData("@if (x)\n{\n    <span>@L[\"A\"]</span>\n}\nelse\n{\n    <b>@user?.Email</b>\n}")]
    [InlineData("@foreach (var k in Enum.GetValues<EquipmentKind>())\n{\n    <MudSelectItem Value=\"k\">@L[$\"Kind.{k}\"]</MudSelectItem>\n}")]
    [InlineData("@* a comment with words *@<div @key=\"x.Id\" class=\"room\">25 °C</div>\n@code {\n    private string Name = \"Some words\";\n}")]
    public void Scanner_IgnoresExpressionsStatementsAndCode(string razor)
    {
        Assert.Empty(RazorLiteralScanner.Find(razor));
    }
}
