using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Reservations.WebApi.Pages;

/// <summary>
/// The storefront (<c>/</c>) and the operator console (<c>/admin</c>): static files from <c>wwwroot</c>, allowed to run
/// only their own scripts and styles, revalidated on every use by their ETag.
/// </summary>
internal static class PagesSetup
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IApplicationBuilder UsePages(this IApplicationBuilder app)
    {
        // /admin redirects to /admin/, whose index.html is then served.
        app.UseDefaultFiles();
        return app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = AddPageHeaders });
    }

    private static void AddPageHeaders(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = CacheControlHeaderValue.NoCacheString;
    }
}
