using Microsoft.Extensions.Options;
using Reservations.Application.Products.LiveAvailability;

namespace Reservations.WebApi.LiveAvailability;

/// <summary>Runs the hub's tick every <c>Tick</c>; a failed tick is logged once per run of failures and retried.</summary>
internal sealed partial class AvailabilityFeedTicker(
    AvailabilityHub hub, IOptions<LiveAvailabilityOptions> options, TimeProvider time, ILogger<AvailabilityFeedTicker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Tick, time);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await hub.TickAsync(stoppingToken);
                    if (failing)
                    {
                        LogRecovered(logger);
                        failing = false;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Every 200 ms while Redis is away: one line when it starts, one when it ends.
                    if (!failing)
                    {
                        LogFailed(logger, e);
                        failing = true;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live availability tick failed; retrying every tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live availability ticks succeed again")]
    private static partial void LogRecovered(ILogger logger);
}
