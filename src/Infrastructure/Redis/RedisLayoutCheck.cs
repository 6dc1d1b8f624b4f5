using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Refuses to start a process whose layout version or shard count differs from the one recorded in Redis. Redis not
/// answering (down, or a cluster not serving the record's slot) does not stop the start (requests answer 503
/// meanwhile): the check then runs once Redis answers, and a mismatch stops the process with exit code 1.
/// </summary>
internal sealed partial class RedisLayoutCheck(RedisLayout layout, IHostApplicationLifetime lifetime, ILogger<RedisLayoutCheck> logger)
    : IHostedService
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);
    private Task _pending = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await layout.VerifyAsync();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            LogUnreachable(logger, e);
            _pending = VerifyOnceReachableAsync(lifetime.ApplicationStopping);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => _pending;

    private async Task VerifyOnceReachableAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryPause, stoppingToken);
                await layout.VerifyAsync();
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                // Still unreachable, or a cluster that serves no slot yet: try again.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (RedisLayoutMismatchException e)
            {
                LogRefused(logger, e);
                Environment.ExitCode = 1;
                lifetime.StopApplication();
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis does not answer: its gate layout is checked once it does")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: Redis holds another gate layout")]
    private static partial void LogRefused(ILogger logger, Exception exception);
}
