using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Reservations.Application.Common.Metrics;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Delivery;

namespace Reservations.Worker.Webhooks;

/// <summary>
/// Each poll, first turns new outbox events into one delivery per enabled endpoint subscribed to their type (so an
/// event waits at most one poll), then sends due deliveries, one lane per endpoint: a lane claims a few of its
/// endpoint's deliveries, sends them, records the outcomes and claims again until none is due. A slow or dead endpoint
/// holds up its own lane only. The retry schedule lives in PostgreSQL (each failure records when the next attempt is
/// due), so a Worker that dies loses no retry: its leases run out and any Worker picks the deliveries up.
/// </summary>
public sealed partial class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookSenderFactory senders, IOptions<WebhookDeliveryOptions> options,
    IOptions<WebhookOptions> webhooks, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Task> _lanes = new();
    private readonly WebhookRetrySchedule _schedule =
        new(options.Value.RetryDelays is { Length: > 0 } delays ? delays : WebhookRetrySchedule.Default);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sender = senders.Create();
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FanOutAsync(stoppingToken);
                await StartLanesAsync(sender, stoppingToken);
            }
        }
        finally
        {
            await Task.WhenAll(_lanes.Values);
        }
    }

    private async Task FanOutAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var deliveries = scope.ServiceProvider.GetRequiredService<IWebhookDeliveries>();
            var batch = options.Value.FanOutBatch;
            int fannedOut;
            do
            {
                fannedOut = await deliveries.FanOutAsync(batch, webhooks.Value.RetryWindow, stoppingToken);
            }
            while (fannedOut == batch);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFanOutFailed(logger, e);
        }
    }

    private async Task StartLanesAsync(WebhookSender sender, CancellationToken stoppingToken)
    {
        foreach (var (endpoint, lane) in _lanes)
        {
            if (lane.IsCompleted)
            {
                _lanes.TryRemove(endpoint, out _);
            }
        }

        var room = options.Value.MaxLanes - _lanes.Count;
        if (room <= 0)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var due = await scope.ServiceProvider.GetRequiredService<IWebhookDeliveries>()
                .EndpointsWithDueDeliveriesAsync(options.Value.MaxLanes, stoppingToken);
            foreach (var endpoint in due.Where(e => !_lanes.ContainsKey(e)).Take(room))
            {
                _lanes[endpoint] = Task.Run(() => RunLaneAsync(endpoint, sender, stoppingToken), CancellationToken.None);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogPollFailed(logger, e);
        }
    }

    private async Task RunLaneAsync(Guid endpoint, WebhookSender sender, CancellationToken stoppingToken)
    {
        try
        {
            while (true)
            {
                IReadOnlyList<DueDelivery> claimed;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    claimed = await scope.ServiceProvider.GetRequiredService<IWebhookDeliveries>()
                        .ClaimAsync(endpoint, options.Value.LaneBatch, options.Value.Lease, stoppingToken);
                }

                if (claimed.Count == 0)
                {
                    return;
                }

                await Task.WhenAll(claimed.Select(delivery => AttemptAsync(delivery, sender, stoppingToken)));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what was claimed and not recorded is due again when its lease runs out.
        }
        catch (Exception e)
        {
            LogLaneFailed(logger, endpoint, e);
        }
    }

    private async Task AttemptAsync(DueDelivery delivery, WebhookSender sender, CancellationToken stoppingToken)
    {
        var outcome = await sender.SendAsync(delivery, stoppingToken);
        // The attempt happened: record it even while stopping.
        await using var scope = scopes.CreateAsyncScope();
        var deliveries = scope.ServiceProvider.GetRequiredService<IWebhookDeliveries>();
        if (outcome.Delivered)
        {
            await deliveries.RecordDeliveredAsync(delivery, outcome.StatusCode!.Value, CancellationToken.None);
            ReservationsMetrics.WebhooksDelivered.Add(1);
            return;
        }

        ReservationsMetrics.WebhookAttemptsFailed.Add(1);
        var error = outcome.Error ?? $"HTTP {outcome.StatusCode}.";
        var delay = _schedule.DelayAfter(delivery.Attempts + 1);
        if (await deliveries.RecordFailedAsync(delivery, outcome.StatusCode, error, delay, CancellationToken.None))
        {
            ReservationsMetrics.WebhooksFailed.Add(1);
            LogEndpointDisabled(logger, delivery.EndpointId, delivery.EventId, error);
            await scope.ServiceProvider.GetRequiredService<GateEventSwitchSync>().SyncAfterChangeAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fanning webhook events out failed; trying again on the next poll")]
    private static partial void LogFanOutFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for due webhook deliveries failed; trying again on the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook lane of endpoint {EndpointId} failed; its deliveries are due again when their leases end")]
    private static partial void LogLaneFailed(ILogger logger, Guid endpointId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} is disabled: event {EventId} still failed at the end of its retry window ({Error})")]
    private static partial void LogEndpointDisabled(ILogger logger, Guid endpointId, Guid eventId, string error);
}
