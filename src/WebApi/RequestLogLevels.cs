using Serilog.Events;

namespace Reservations.WebApi;

/// <summary>
/// The level of the one line logged per request. Refusals the service chose (429, a 503 with Retry-After) are Debug:
/// under a flood a line each would add to it, and metrics count them. Other server errors are Error.
/// </summary>
internal static class RequestLogLevels
{
    public static LogEventLevel Of(HttpContext context, double elapsedMs, Exception? exception) =>
        context.Response.StatusCode switch
        {
            StatusCodes.Status429TooManyRequests => LogEventLevel.Debug,
            StatusCodes.Status503ServiceUnavailable when context.Response.Headers.RetryAfter.Count > 0 => LogEventLevel.Debug,
            _ when exception is not null || context.Response.StatusCode >= 500 => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
}
