using Serilog.Events;

namespace Reservations.WebApi;

/// <summary>
/// The level of the one line logged per request: only failures and slow requests reach the default Information level.
/// A server error is Error, a request slower than <see cref="RequestLogOptions.SlowRequestThreshold"/> Warning; any other
/// answer is Debug (a stream too, however long it lasted), and so are the refusals the service chose to protect itself (429, a shed 503), however long they
/// took: under a flood a line each would add to it, and metrics count them.
/// </summary>
public sealed class RequestLogLevels(TimeSpan slowRequestThreshold)
{
    public const string Shed = "reservations.shed";

    /// <summary>Set in <see cref="HttpContext.Items"/> on a long-lived response (a stream): its duration says nothing.</summary>
    public const string LongLived = "reservations.long-lived";

    private readonly double _slowRequestMs = slowRequestThreshold.TotalMilliseconds;

    public LogEventLevel Of(HttpContext context, double elapsedMs, Exception? exception) =>
        context.Response.StatusCode switch
        {
            StatusCodes.Status429TooManyRequests => LogEventLevel.Debug,
            StatusCodes.Status503ServiceUnavailable when context.Items.ContainsKey(Shed) => LogEventLevel.Debug,
            _ when exception is not null || context.Response.StatusCode >= 500 => LogEventLevel.Error,
            _ when context.Items.ContainsKey(LongLived) => LogEventLevel.Debug,
            _ when elapsedMs >= _slowRequestMs => LogEventLevel.Warning,
            _ => LogEventLevel.Debug,
        };
}
