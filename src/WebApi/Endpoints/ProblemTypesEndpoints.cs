using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Reservations.WebApi.Pages;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.Endpoints;

/// <summary>
/// <c>/problems/{code}</c>: what each problem <c>type</c> means, at the path of its type URI, as a page (or JSON when asked
/// for only that); anonymous and not rate limited, like the other pages (docs/decisions/017-problem-types.md).
/// </summary>
public static class ProblemTypesEndpoints
{
    public static RouteGroupBuilder MapProblemTypes(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/problems").AllowAnonymous().DisableRateLimiting().ExcludeFromDescription();
        group.MapGet("/", ListProblemTypes);
        group.MapGet("/{code}", GetProblemType);
        return group;
    }

    public static Results<ContentHttpResult, StatusCodeHttpResult, Ok<IReadOnlyList<ProblemType>>> ListProblemTypes(HttpContext context)
    {
        AddHeaders(context);
        if (WantsJson(context))
        {
            return TypedResults.Ok(ProblemCatalog.All);
        }

        return IsUnchanged(context, ProblemPages.List) ? NotModified() : Html(ProblemPages.List);
    }

    public static Results<ContentHttpResult, StatusCodeHttpResult, Ok<ProblemType>, NotFound> GetProblemType(string code, HttpContext context)
    {
        if (ProblemCatalog.Find(code) is not { } type)
        {
            return TypedResults.NotFound();
        }

        AddHeaders(context);
        if (WantsJson(context))
        {
            return TypedResults.Ok(type);
        }

        var page = ProblemPages.Of(type);
        return IsUnchanged(context, page) ? NotModified() : Html(page);
    }

    // A browser asks for text/html and */*: JSON only for a client that names it and not HTML.
    private static bool WantsJson(HttpContext context)
    {
        var accept = context.Request.GetTypedHeaders().Accept;
        return accept.Any(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            && !accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsUnchanged(HttpContext context, ProblemPages.Page page)
    {
        context.Response.Headers.ETag = page.ETag;
        return context.Request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Tag == page.ETag || tag.Tag == "*");
    }

    private static StatusCodeHttpResult NotModified() => TypedResults.StatusCode(StatusCodes.Status304NotModified);

    private static ContentHttpResult Html(ProblemPages.Page page) => TypedResults.Text(page.Html, "text/html; charset=utf-8");

    private static void AddHeaders(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = PagesSetup.ContentSecurityPolicy;
        headers.CacheControl = CacheControlHeaderValue.NoCacheString;
        headers.Vary = HeaderNames.Accept;
    }
}
