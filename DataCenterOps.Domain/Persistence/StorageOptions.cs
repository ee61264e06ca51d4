using System.ComponentModel.DataAnnotations;

namespace DataCenterOps.Domain.Persistence;

/// <summary>Where the app keeps its files (section "Storage").</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string DatabaseFileName = "dcops.db";

    /// <summary>Folder for the database and other files; relative paths are from the working directory.</summary>
    [Required]
    public string DataDirectory { get; set; } = "./data";

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), DatabaseFileName);

    public string ConnectionString => $"Data Source={DatabasePath}";
}
