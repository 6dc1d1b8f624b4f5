using Microsoft.Extensions.Options;
using Reservations.Application.Products.LiveAvailability;

namespace Reservations.WebApi.LiveAvailability;

/// <summary>
/// Runs the hub's tick every <c>Tick</c> and reads the watched products' totals again every <c>TotalsRefresh</c>, in
/// two loops, so a slow or absent PostgreSQL never holds up the feeds. A failing step is logged once per run of failures.
/// </summary>
internal sealed partial class AvailabilityFeedTicker(
    AvailabilityHub hub, IOptions<LiveAvailabilityOptions> options, TimeProvider time, ILogger<AvailabilityFeedTicker> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        LoopAsync("tick", options.Value.Tick, hub.TickAsync, stoppingToken),
        LoopAsync("total stock refresh", options.Value.TotalsRefresh, hub.RefreshTotalsAsync, stoppingToken));

    private async Task LoopAsync(string step, TimeSpan period, Func<CancellationToken, Task> run, CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(period, time);
        var failing = false;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await run(stoppingToken);
                    if (failing)
                    {
                        LogRecovered(logger, step);
                        failing = false;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Every tick while Redis or PostgreSQL is away: one line when it starts, one when it ends.
                    if (!failing)
                    {
                        LogFailed(logger, step, e);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live availability {Step} failed; retrying on every period")]
    private static partial void LogFailed(ILogger logger, string step, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Live availability {Step} succeeds again")]
    private static partial void LogRecovered(ILogger logger, string step);
}
