namespace DataCenterOps.Tests.Web.Http;

/// <summary>The real app for the route matrix: Hangfire on (its dashboard is a route) and an API key, by configuration.</summary>
public sealed class RouteMatrixFactory : IAsyncDisposable
{
    public const string ApiKey = "matrix-key";

    public RouteMatrixFactory()
    {
        App.ExtraSettings["Hangfire:Enabled"] = "true";
        App.ExtraSettings["Api:ApiKey"] = ApiKey;
        App.ExtraSettings["SignIn:RateLimit:PermitLimit"] = "1000";
    }

    public WebAppFactory App { get; } = new();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
