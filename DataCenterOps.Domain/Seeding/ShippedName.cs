namespace DataCenterOps.Domain.Seeding;

/// <summary>One human name the product ships, in both languages; <paramref name="Id"/> is stable, the texts are data once seeded.</summary>
public sealed record ShippedName(string Id, string Indonesian, string English)
{
    /// <summary>The name in the seeding language (<see cref="SeedingOptions.Language"/>): English for <c>en</c>, else Indonesian.</summary>
    public string In(string language) => language == SeedingOptions.English ? English : Indonesian;
}
