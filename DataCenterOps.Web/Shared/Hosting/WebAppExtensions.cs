using System.Globalization;
using DataCenterOps.Domain.People;
using DataCenterOps.Domain.Persistence;
using DataCenterOps.Web.Shared;
using DataCenterOps.Web.Features.Account;
using DataCenterOps.Web.Shared.Documents;
using DataCenterOps.Web.Features.Steps.Documents;
using DataCenterOps.Web.Shared.Display;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace DataCenterOps.Web.Shared.Hosting;

public static class WebAppExtensions
{
    /// <summary>Blazor Server + MudBlazor, Identity sign-in on the domain database, localisation, security headers.</summary>
    public static IHostApplicationBuilder AddWebApp(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<CultureOptions>().BindConfiguration(CultureOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddDisplayClock();
        services.AddProjectOptionsBridge();
        services.AddScoped<LetterDocumentLoader>();

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
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
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
            .AddPasswordValidator<MaxLengthPasswordValidator>()
            .AddSignInManager()
            .AddDefaultTokenProviders();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        // Sign-in cookies survive a restart: keys beside the database, not in the user profile.
        services.AddDataProtection();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>, KeyStorageSetup>();
        return builder;
    }

    /// <summary>Middleware in order. No HTTPS redirection: the default URL is plain HTTP on loopback.</summary>
    public static WebApplication UseWebApp(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization();
        app.UseAntiforgery();
        return app;
    }

    public static WebApplication MapWebApp(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = "'none'");
        app.MapAdditionalIdentityEndpoints();
        app.MapCultureEndpoint();
        app.MapStepDocuments();
        return app;
    }
}
