using System.Threading.RateLimiting;

namespace Reservations.WebApi.Protection;

/// <summary>
/// One caller's limits: its token bucket, its per-customer bucket (used on routes marked <see cref="PerCustomerLimit"/>)
/// and its open requests. The buckets refill as they are read, from the time that passed, so no timer visits them.
/// Callers lock the instance around every call.
/// </summary>
internal sealed class CallerLimits(RateLimitingOptions.TokenBucket caller, RateLimitingOptions.TokenBucket customer, int openLimit, long now)
{
    private double _callerTokens = caller.TokenLimit;
    private double _customerTokens = customer.TokenLimit;
    private long _refilledAt = now;
    private int _open;

    /// <summary>Taken out of the collection of callers: a request that finds it so must look its caller up again.</summary>
    public bool Removed { get; set; }

    /// <summary>
    /// Counts the call as the default limiters chained did: the caller's bucket first (a refused call takes no token),
    /// then the open requests, then the per-customer bucket (either refusal keeps the caller's token taken).
    /// </summary>
    public Refusal? TryEnter(int permits, bool perCustomer, long now, TimeProvider time)
    {
        Refill(now, time);
        if (_callerTokens < permits)
        {
            return new Refusal(RetryAfter(_callerTokens, permits, caller));
        }

        _callerTokens -= permits;
        if (_open >= openLimit)
        {
            return new Refusal(null);
        }

        if (perCustomer)
        {
            if (_customerTokens < permits)
            {
                return new Refusal(RetryAfter(_customerTokens, permits, customer));
            }

            _customerTokens -= permits;
        }

        _open++;
        return null;
    }

    public void Leave() => _open--;

    /// <summary>Nothing to remember: no open request and both buckets full again, as a new caller's would be.</summary>
    public bool IsIdle(long now, TimeProvider time)
    {
        Refill(now, time);
        return _open == 0 && _callerTokens >= caller.TokenLimit && _customerTokens >= customer.TokenLimit;
    }

    private void Refill(long now, TimeProvider time)
    {
        var seconds = time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        _refilledAt = now;
        _callerTokens = Math.Min(caller.TokenLimit, _callerTokens + seconds * caller.TokensPerSecond);
        _customerTokens = Math.Min(customer.TokenLimit, _customerTokens + seconds * customer.TokensPerSecond);
    }

    private static TimeSpan RetryAfter(double tokens, int permits, RateLimitingOptions.TokenBucket bucket) =>
        TimeSpan.FromSeconds((permits - tokens) / bucket.TokensPerSecond);

    /// <summary>Why a call was refused: with how long until its bucket has a token, or none for too many open requests.</summary>
    public sealed record Refusal(TimeSpan? RetryAfter);
}
