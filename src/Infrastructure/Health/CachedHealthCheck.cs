using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Reservations.Infrastructure.Health;

/// <summary>
/// Shares one run of <typeparamref name="TCheck"/> per <see cref="MaxAge"/> among all callers: probes polling
/// <c>/health/ready</c> many times a second cost one PostgreSQL connection and one round of Redis commands per second.
/// </summary>
internal sealed class CachedHealthCheck<TCheck>(IServiceScopeFactory scopes, TimeProvider clock) : IHealthCheck
    where TCheck : IHealthCheck
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Task<HealthCheckResult>? _last;
    private long _startedAt;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        Task<HealthCheckResult> last;
        lock (_gate)
        {
            if (_last is null || clock.GetElapsedTime(_startedAt) >= MaxAge)
            {
                _startedAt = clock.GetTimestamp();
                _last = RunAsync(context);
            }

            last = _last;
        }

        return last.WaitAsync(cancellationToken);
    }

    // Not tied to one caller's cancellation: the run is shared by everyone who asks meanwhile.
    private async Task<HealthCheckResult> RunAsync(HealthCheckContext context)
    {
        await using var scope = scopes.CreateAsyncScope();
        var check = ActivatorUtilities.GetServiceOrCreateInstance<TCheck>(scope.ServiceProvider);
        try
        {
            return await check.CheckHealthAsync(context, CancellationToken.None);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The check failed.", e);
        }
    }
}
