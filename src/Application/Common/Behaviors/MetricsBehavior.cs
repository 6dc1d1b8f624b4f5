using System.Diagnostics;
using FluentValidation;
using Mediator;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Common.Results;

namespace Reservations.Application.Common.Behaviors;

public sealed class MetricsBehavior<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly string UseCase = typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "failed";
        try
        {
            var response = await next(message, cancellationToken);
            outcome = response is IResult { Error: { } error } ? error.Code : "ok";
            return response;
        }
        catch (ValidationException)
        {
            outcome = "invalid";
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        finally
        {
            var tags = new TagList { { "use_case", UseCase }, { "outcome", outcome } };
            ReservationsMetrics.Outcomes.Add(1, tags);
            ReservationsMetrics.Duration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds, tags);
        }
    }
}
