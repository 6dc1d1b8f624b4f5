using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Refuses to start a process whose layout version or shard count differs from the one recorded in Redis. Redis being
/// down does not stop the start (requests answer 503 meanwhile): the check then runs once Redis answers, and a
/// mismatch stops the process with exit code 1.
/// </summary>
internal sealed partial class RedisLayoutCheck(RedisLayout layout, IHostApplicationLifetime lifetime, ILogger<RedisLayoutCheck> logger)
    : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopping = new();
    private Task _pending = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await layout.VerifyAsync();
        }
        catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
        {
            LogUnreachable(logger, e);
            _pending = VerifyOnceReachableAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _pending;
    }

    public void Dispose() => _stopping.Dispose();

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
            catch (Exception e) when (e is RedisConnectionException or RedisTimeoutException)
            {
                // Still unreachable: try again.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: its gate layout is checked once it answers")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Stopping: Redis holds another gate layout")]
    private static partial void LogRefused(ILogger logger, Exception exception);
}
