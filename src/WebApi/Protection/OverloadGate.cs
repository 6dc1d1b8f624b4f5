using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Reservations.WebApi.Protection;

/// <summary>
/// The process-wide concurrency limit: at most <c>ConcurrentRequests</c> at work, up to <c>QueuedRequests</c> waiting
/// (oldest first) for at most <c>QueueTimeout</c>. Shedding load with a quick 503 beats timing out everyone.
/// </summary>
internal sealed class OverloadGate(IOptions<RateLimitingOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.ConcurrentRequests,
        QueueLimit = options.Value.QueuedRequests,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    /// <summary>A lease to work on the request, or null when the process is overloaded.</summary>
    public async Task<RateLimitLease?> EnterAsync(CancellationToken requestAborted)
    {
        // Most of the time there is room: take it without a timer.
        var immediate = _limiter.AttemptAcquire();
        if (immediate.IsAcquired)
        {
            return immediate;
        }

        immediate.Dispose();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        wait.CancelAfter(options.Value.QueueTimeout);
        try
        {
            var lease = await _limiter.AcquireAsync(1, wait.Token);
            if (lease.IsAcquired)
            {
                return lease;
            }

            lease.Dispose();
            return null;
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    public void Dispose() => _limiter.Dispose();
}
