using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Reservations.Application.Common.Metrics;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.Protection;

internal sealed partial class OverloadProtectionMiddleware(
    RequestDelegate next, OverloadGate gate, IProblemDetailsService problems, ILogger<OverloadProtectionMiddleware> logger)
{
    private const int RetryAfterSeconds = 1;
    private const string Overloaded = "The service is overloaded; try again shortly.";

    public async Task InvokeAsync(HttpContext context)
    {
        // Health probes stay answered: an orchestrator must not restart a process that is merely busy.
        if (context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        using var lease = await gate.EnterAsync(context.RequestAborted);
        if (lease is not null)
        {
            ShortRequestLeases.Hold(context, lease);
            await next(context);
            return;
        }

        ReservationsMetrics.RequestsShed.Add(1);
        context.Items[RequestLogLevels.Shed] = true;
        LogShed(logger, context.Request.Method, context.Request.Path);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var written = await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = ProblemCodes.TypeOf(ProblemCodes.Unavailable),
                Title = ProblemCodes.TitleOf(ProblemCodes.Unavailable),
                Detail = Overloaded,
            },
        });
        if (!written)
        {
            // The client accepts no JSON: the status and Retry-After still say it all.
            await context.Response.WriteAsync(Overloaded, context.RequestAborted);
        }
    }

    // Debug: under overload a line per request would add to it; the metric counts them.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Overloaded: {Method} {Path} shed with 503")]
    private static partial void LogShed(ILogger logger, string method, PathString path);
}
