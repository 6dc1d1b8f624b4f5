using System.Diagnostics;
using Mediator;
using Microsoft.Extensions.Logging;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Common.Behaviors;

public sealed partial class LoggingBehavior<TMessage, TResponse>(ILogger<LoggingBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var response = await next(message, cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var outcome = response is IResult { Error: { } error } ? error.Code : "ok";
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogHandled(logger, typeof(TMessage).Name, outcome, elapsedMs);
        }

        return response;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{UseCase} finished with {Outcome} in {ElapsedMs:0.0} ms")]
    private static partial void LogHandled(ILogger logger, string useCase, string outcome, double elapsedMs);
}
