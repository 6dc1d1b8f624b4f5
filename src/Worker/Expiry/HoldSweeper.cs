using Mediator;
using Microsoft.Extensions.Options;
using Reservations.Application.Holds.Sweep;

namespace Reservations.Worker.Expiry;

/// <summary>
/// The safety net of expiry: every sweep interval, releases every overdue hold that no event released (notices lost,
/// notifications off, Worker or Redis restarted). Several Workers may sweep at once.
/// </summary>
public sealed partial class HoldSweeper(
    IServiceScopeFactory scopes, IOptions<WorkerOptions> options, TimeProvider clock, ILogger<HoldSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SweepInterval, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SweepExpiredHoldsCommand(), stoppingToken);
                if (report.ExpiryDelays.Count > 0)
                {
                    var latest = report.ExpiryDelays.Max();
                    LogSwept(logger, report.ExpiryDelays.Count, latest.TotalMilliseconds);
                    if (latest > options.Value.ReleasePromise)
                    {
                        LogPromiseBroken(logger, latest.TotalMilliseconds, options.Value.ReleasePromise.TotalMilliseconds);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweeper expired {Count} holds, the latest {MaxDelayMs:0} ms after its deadline")]
    private static partial void LogSwept(ILogger logger, int count, double maxDelayMs);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "A hold came back {DelayMs:0} ms after its deadline, later than the promised {PromiseMs:0} ms: is Redis or the Worker overloaded?")]
    private static partial void LogPromiseBroken(ILogger logger, double delayMs, double promiseMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep failed; trying again on the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
