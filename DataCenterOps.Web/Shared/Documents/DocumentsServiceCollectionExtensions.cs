namespace DataCenterOps.Web.Shared.Documents;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>The letterhead and the verification settings, both checked at start. Safe to call from several features.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        // Binding twice would add a configured list's items twice.
        if (services.Any(d => d.ServiceType == typeof(Letterhead)))
        {
            return services;
        }

        services.AddOptions<LetterheadOptions>().BindConfiguration(LetterheadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DocumentsOptions>().BindConfiguration(DocumentsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Letterhead>();
        return services;
    }
}
