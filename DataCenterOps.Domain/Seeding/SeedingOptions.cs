using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Domain.Seeding;

/// <summary>
/// Section "Seeding": the language the shipped data (checklists, schedules, demo equipment, rooms) is written in when
/// an empty database is first filled. Written once; never translated afterwards (an office renames its own data).
/// </summary>
public sealed class SeedingOptions
{
    public const string SectionName = "Seeding";

    /// <summary>Bahasa Indonesia, the product's first language (the default).</summary>
    public const string Indonesian = "id";

    public const string English = "en";

    /// <summary><c>id</c> (default) or <c>en</c>.</summary>
    [Required]
    [RegularExpression("^(id|en)$", ErrorMessage = "Seeding:Language must be 'id' (Bahasa Indonesia) or 'en' (English).")]
    public string Language { get; set; } = Indonesian;
}
