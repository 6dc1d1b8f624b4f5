using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Reservations.WebApi.Auth;

namespace Reservations.WebApi.Protection;

/// <summary>
/// The per-caller limits of every call (<see cref="CallerLimits"/>), keyed by customer (<c>sub</c> of a valid token) or
/// else by client address. ASP.NET Core's partitioned limiters visit every partition ten times a second to refill and
/// expire them, which costs as much as the requests once thousands of customers call; here buckets refill when read,
/// and callers with nothing to remember are dropped whenever the number of callers has doubled since the last sweep,
/// so memory stays within twice the callers that are busy, at a constant cost per call.
/// </summary>
internal sealed class CallerRateLimiter(IOptions<RateLimitingOptions> options, TimeProvider time) : PartitionedRateLimiter<HttpContext>
{
    public const int SweepFloor = 1024;

    private readonly RateLimitingOptions _limits = options.Value;
    private readonly ConcurrentDictionary<Caller, CallerLimits> _callers = new();
    private int _count;
    private int _sweepAt = SweepFloor;
    private int _sweeping;

    public int Count => Volatile.Read(ref _count);

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => null;

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => Acquire(resource, permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Acquire(resource, permitCount));

    private RateLimitLease Acquire(HttpContext context, int permits)
    {
        var customer = CustomerOf(context);
        var caller = customer is null ? new Caller(IsCustomer: false, ClientAddress.Of(context)) : new Caller(IsCustomer: true, customer);
        var perCustomer = customer is not null && context.GetEndpoint()?.Metadata.GetMetadata<PerCustomerLimit>() is not null;
        var now = time.GetTimestamp();
        var lease = Enter(caller, permits, perCustomer, now);
        if (lease.IsAcquired)
        {
            ShortRequestLeases.Hold(context, lease);
        }

        if (Count >= Volatile.Read(ref _sweepAt))
        {
            Sweep(now);
        }

        return lease;
    }

    private RateLimitLease Enter(Caller caller, int permits, bool perCustomer, long now)
    {
        while (true)
        {
            var limits = LimitsOf(caller, now);
            lock (limits)
            {
                if (limits.Removed)
                {
                    continue;
                }

                return limits.TryEnter(permits, perCustomer, now, time) is { } refusal
                    ? new CallerLeases.Refused(refusal.RetryAfter)
                    : new CallerLeases.Open(limits);
            }
        }
    }

    private CallerLimits LimitsOf(Caller caller, long now)
    {
        if (_callers.TryGetValue(caller, out var known))
        {
            return known;
        }

        var bucket = caller.IsCustomer ? _limits.SignedIn : _limits.Anonymous;
        var added = new CallerLimits(bucket, _limits.Customer, _limits.ConcurrentPerCaller, now);
        var limits = _callers.GetOrAdd(caller, added);
        if (ReferenceEquals(limits, added))
        {
            Interlocked.Increment(ref _count);
        }

        return limits;
    }

    // One sweep at a time; the calls that find one running go on.
    private void Sweep(long now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        foreach (var (caller, limits) in _callers)
        {
            lock (limits)
            {
                if (!limits.IsIdle(now, time))
                {
                    continue;
                }

                limits.Removed = true;
            }

            _callers.TryRemove(new KeyValuePair<Caller, CallerLimits>(caller, limits));
            Interlocked.Decrement(ref _count);
        }

        Volatile.Write(ref _sweepAt, Math.Max(SweepFloor, 2 * Count));
        Volatile.Write(ref _sweeping, 0);
    }

    // Authentication ran before the limiter: a missing, forged or expired token leaves the caller anonymous.
    private static string? CustomerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(Policies.SubjectClaim)?.Value : null;

    /// <summary>A customer id never shares limits with an address.</summary>
    private readonly record struct Caller(bool IsCustomer, string Id);
}
