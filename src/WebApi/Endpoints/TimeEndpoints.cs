using Microsoft.AspNetCore.Http.HttpResults;

namespace Reservations.WebApi.Endpoints;

/// <summary>The server's clock, so that a page counts a hold down by the server's time rather than the browser's.</summary>
public static class TimeEndpoints
{
    public sealed record TimeResponse(DateTimeOffset Now);

    public static RouteHandlerBuilder MapTime(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/time", GetTime).AllowAnonymous().WithTags("Time").WithSummary("The server's current time")
        .WithDescription("Anonymous and never cached (Cache-Control: no-store): pages count a hold down by the server's clock.");

    public static Ok<TimeResponse> GetTime(TimeProvider clock, HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new TimeResponse(clock.GetUtcNow()));
    }
}
