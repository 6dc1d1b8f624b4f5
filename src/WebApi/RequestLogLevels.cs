using Serilog.Events;

namespace Reservations.WebApi;

/// <summary>
/// The level of the one line logged per request. Refusals the service chose to protect itself (429, a shed 503) are
/// Debug: under a flood a line each would add to it, and metrics count them. Other server errors are Error.
/// </summary>
internal static class RequestLogLevels
{
    /// <summary>Set in <see cref="HttpContext.Items"/> on a request shed for overload.</summary>
    public const string Shed = "reservations.shed";

    public static LogEventLevel Of(HttpContext context, double elapsedMs, Exception? exception) =>
        context.Response.StatusCode switch
        {
            StatusCodes.Status429TooManyRequests => LogEventLevel.Debug,
            StatusCodes.Status503ServiceUnavailable when context.Items.ContainsKey(Shed) => LogEventLevel.Debug,
            _ when exception is not null || context.Response.StatusCode >= 500 => LogEventLevel.Error,
            _ => LogEventLevel.Information,
        };
}
