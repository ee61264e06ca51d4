using Microsoft.Extensions.Configuration.Json;

namespace DataCenterOps.Web.Shared.Hosting;

public static class SharedConfigurationExtensions
{
    /// <summary>
    /// The one appsettings.json lives at the repository root and is linked into the output. When the content
    /// root has none (`dotnet run --project`, WebApplicationFactory), read the copy beside the binaries, placed
    /// before appsettings.{Environment}.json so that file, environment variables and arguments still override it.
    /// </summary>
    public static IHostApplicationBuilder AddSharedConfiguration(this IHostApplicationBuilder builder)
    {
        var contentRootFile = Path.Combine(builder.Environment.ContentRootPath, "appsettings.json");
        var besideBinaries = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(contentRootFile) || !File.Exists(besideBinaries))
        {
            return builder;
        }

        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        var source = new JsonConfigurationSource { Path = besideBinaries, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();
        sources.Insert(index < 0 ? 0 : index + 1, source);
        return builder;
    }
}
