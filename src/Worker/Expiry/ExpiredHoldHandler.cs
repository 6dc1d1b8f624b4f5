using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Holds.Expire;

namespace Reservations.Worker.Expiry;

/// <summary>
/// The fast path of expiry: releases a shard's due holds as soon as Redis reports that the shard's expiry marker of a
/// second expired (all of its holds due by that second are then due).
/// </summary>
public sealed partial class ExpiredHoldHandler(
    IHoldExpiryEvents events, IServiceScopeFactory scopes, IOptions<WorkerOptions> options, ILogger<ExpiredHoldHandler> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.KeyspaceEvents)
        {
            return;
        }

        // Redis may be down when the Worker starts: keep trying, the sweeper covers the gap meanwhile.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CheckAndListenAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogListenFailed(logger, e);
                await Task.Delay(RetryPause, stoppingToken);
            }
        }
    }

    private async Task CheckAndListenAsync(CancellationToken stoppingToken)
    {
        if (!await events.AreEnabledAsync(stoppingToken))
        {
            if (options.Value.ConfigureKeyspaceEvents)
            {
                await events.EnableAsync(stoppingToken);
                LogEnabled(logger);
            }
            else
            {
                LogEventsOff(logger);
            }
        }

        await events.ListenAsync(shard => ExpireAsync(shard, stoppingToken), stoppingToken);
    }

    private async Task ExpireAsync(int shard, CancellationToken stoppingToken)
    {
        // Notices already buffered keep arriving after the unsubscribe; once stopping, the next Worker's sweep has them.
        if (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ExpireDueHoldsCommand(shard), stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The sweeper releases these holds on its next pass; one failed notice must not stop the listener.
            LogExpireFailed(logger, e, shard);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Redis does not publish key expirations (notify-keyspace-events lacks E and x): holds expire by the sweeper only. " +
        "Set notify-keyspace-events Ex, or Worker:ConfigureKeyspaceEvents=true")]
    private static partial void LogEventsOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening to Redis expiry events failed; trying again")]
    private static partial void LogListenFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turned on Redis key-expiration notices (notify-keyspace-events Ex)")]
    private static partial void LogEnabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expiring the due holds of shard {Shard} on its keyspace event failed")]
    private static partial void LogExpireFailed(ILogger logger, Exception exception, int shard);
}
