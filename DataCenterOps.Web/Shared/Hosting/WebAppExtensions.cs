using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Web.Shared;
using DataCenterOps.Web.Features.Admin.Audit;
using DataCenterOps.Web.Features.Admin.Qualifications;
using DataCenterOps.Web.Features.Account;
using DataCenterOps.Web.Features.Admin;
using DataCenterOps.Web.Features.Home;
using DataCenterOps.Web.Features.Steps;
using DataCenterOps.Web.Features.Tenants;
using DataCenterOps.Web.Shared.Layout;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Shared.Localization;
using DataCenterOps.Web.Features.Steps.Documents;
using DataCenterOps.Web.Features.Steps.EvidencePack;
using DataCenterOps.Web.Shared.Display;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DataCenterOps.Web.Shared.Hosting;

public static class WebAppExtensions
{
    /// <summary>ASP.NET Core's own key (StaticAssetDevelopmentRuntimeHandler): live reload and no caching of static assets.</summary>
    private const string ReloadStaticAssetsAtRuntime = "ReloadStaticAssetsAtRuntime";

    /// <summary>Blazor Server + MudBlazor, Identity sign-in on the domain database, localisation, security headers.</summary>
    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        // A failed start is reported by Program as one plain line (or rethrown); the host's own error log would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        services.AddOptions<CultureOptions>().BindConfiguration(CultureOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDisplayClock();
        services.AddProjectOptionsBridge();
        services.AddScoped<LetterDocumentLoader>();
        services.AddEvidencePack();
        services.AddDocuments();
        // The menu parts of the features with no Add…() of their own (Room, Access and Routine register theirs).
        services.AddMenuPart<HomeMenu>().AddMenuPart<StepsMenu>().AddMenuPart<AdminMenu>().AddMenuPart<TenantsMenu>();
        services.AddScoped<DataCenterOps.Web.Shared.Components.ActionPageActor>();
        services.AddScoped<DataCenterOps.Web.Shared.Sites.SiteContext>();
        services.AddSingleton<DataCenterOps.Monitoring.Api.IDeviceSiteScope, DataCenterOps.Web.Shared.Sites.PersonSiteScope>();

        // Run from the build output (`dotnet run`, as the README has it), MapStaticAssets treats every asset as under
        // development: no-cache, so each page opened downloaded MudBlazor's CSS and JS and blazor.web.js again (0.9 MB,
        // most of a dashboard's open time). Outside Development they are served as after a publish (fingerprinted
        // URLs cached for good); ReloadStaticAssetsAtRuntime set in configuration still decides.
        if (!builder.Environment.IsDevelopment())
        {
            builder.Configuration[ReloadStaticAssetsAtRuntime] ??= "false";
        }

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddOptions<RequestLocalizationOptions>().Configure<IOptions<CultureOptions>>((o, cultures) =>
        {
            var supported = cultures.Value.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
            o.DefaultRequestCulture = new(cultures.Value.DefaultCulture);
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            // Cookie first, then the default: the browser's language never overrides the site's choice.
            o.RequestCultureProviders = [new Microsoft.AspNetCore.Localization.CookieRequestCultureProvider()];
        });

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<PrivilegeCheck>();
        services.AddScoped<PasswordSignIn>();
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.SignIn.RequireConfirmedAccount = false;
                o.User.RequireUniqueEmail = true;
                // ASVS: length, not composition.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DataCenterOpsDbContext>()
            .AddUserManager<AppUserManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        // Every request checks the cookie's security stamp against the database (one indexed lookup; the team is
        // small and an open page talks over its circuit, not per-request HTTP). So sign-out, a role change or a
        // disabled account refuses an older cookie at once, not after an interval.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.SectionName);
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<HostingOptions>>((o, hosting) =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Behind a TLS proxy the cookie never travels in clear, whatever a misconfigured proxy forwards.
            o.Cookie.SecurePolicy = hosting.Value.ForwardedHeaders ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            // Machines and scripts call /api: they get a status code, never the login page.
            o.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder().AddPolicies();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ArchivedReportReadHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PengawasDutiesHandler>();
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<HostingOptions>>((o, hosting) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.ForwardLimit = 1;
            if (hosting.Value.KnownProxies.Count > 0)
            {
                o.KnownIPNetworks.Clear();
                o.KnownProxies.Clear();
                foreach (var proxy in hosting.Value.KnownProxies)
                {
                    o.KnownProxies.Add(IPAddress.Parse(proxy));
                }
            }
        });
        AddSignInRateLimit(services);
        // Sign-in cookies survive a restart: keys beside the database (SQLite) or in it (PostgreSQL), not in the user profile.
        services.AddDataProtection();
        // PostgreSQL: nodes installed in different folders must still share their keys (the default name is the content root).
        services.AddOptions<DataProtectionOptions>().Configure<IOptions<StorageOptions>>((o, storage) =>
        {
            if (storage.Value.IsPostgreSql)
            {
                o.ApplicationDiscriminator = "DataCenterOps";
            }
        });
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyStorageSetup>();
        return builder;
    }

    /// <summary>
    /// Middleware in order: forwarded headers (behind a proxy), security headers (first, so every reply has them),
    /// errors and HSTS, routing, the sign-in rate limit, authentication and authorization, then the rest.
    /// No HTTPS redirection: the default URL is plain HTTP on loopback.
    /// </summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        var hosting = app.Services.GetRequiredService<IOptions<HostingOptions>>().Value;
        if (hosting.ForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        if (!app.Environment.IsDevelopment() || hosting.ForwardedHeaders)
        {
            app.UseHsts();
        }

        // Before routing: the re-executed "not found" page is routed and authorised again like any request (after
        // authorisation, a signed-in visitor's unknown address ended in a 500 instead of the page).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Machines (/api, /metrics) get an empty error reply's status as it is: re-executed into the "not found" page,
        // a 401 from /metrics became a redirect to the sign-in page.
        app.Use((context, next) =>
        {
            if (IsMachineRoute(context.Request.Path) && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return next(context);
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<TenantBoundaryMiddleware>();
        app.UseAuthorization();
        app.UseRequestLocalization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>()
            // No permessage-deflate on the circuit's WebSocket: a compressed socket keeps its zlib state (≈ 0.36 MiB of
            // native memory) for as long as the screen stays open (docs/adr/0019). The frame-ancestors policy the
            // framework sets only on compressed sockets comes from SecurityHeadersMiddleware on every response.
            .AddInteractiveServerRenderMode(o => o.DisableWebSocketCompression = true);
        app.MapAdditionalIdentityEndpoints();
        app.MapCultureEndpoint();
        DataCenterOps.Web.Shared.Sites.SiteEndpoints.MapSiteEndpoint(app);
        app.MapStepDocuments();
        app.MapAuditExport();
        app.MapEvidencePack();
        app.MapChecklistPhotos();
        app.MapQualificationFiles();
        return app;
    }

    private static bool IsMachineRoute(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);

    private static Task ApiStatusOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Login POSTs (SignIn:RateLimit) and /verify pages (Documents:Verify…) per client address; beyond the limit: 429.</summary>
    private static void AddSignInRateLimit(IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInRateLimitOptions>, IOptions<DocumentsOptions>>((o, limits, documents) =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A refusal stays a bare 429: not re-executed into the "not found" page (which would send the client to sign-in).
            o.OnRejected = (rejected, _) =>
            {
                if (rejected.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusPages)
                {
                    statusPages.Enabled = false;
                }

                return ValueTask.CompletedTask;
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var client = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                if (HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals("/Account/Login", StringComparison.OrdinalIgnoreCase))
                {
                    return RateLimitPartition.GetFixedWindowLimiter(
                        client, _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.Value.PermitLimit, Window = limits.Value.Window, QueueLimit = 0 });
                }

                // The public /verify pages (open without sign-in): Documents:VerifyPermitLimit per Documents:VerifyWindow per address.
                return http.Request.Path.StartsWithSegments("/verify", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        "verify " + client,
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = documents.Value.VerifyPermitLimit, Window = documents.Value.VerifyWindow, QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("other");
            });
        });
    }
}
