namespace Reservations.WebApi.Protection;

/// <summary>The request limits (docs/operations.md, Security), under <c>RateLimiting:*</c>.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    /// <summary>Reserve, purchase and release, per customer (<c>sub</c>).</summary>
    public TokenBucket Customer { get; set; } = new() { TokenLimit = 40, TokensPerSecond = 20 };

    /// <summary>Calls without a valid token (anonymous routes, failed authentication), per client address.</summary>
    public TokenBucket Anonymous { get; set; } = new() { TokenLimit = 200, TokensPerSecond = 100 };

    /// <summary>Every call with a valid token, on any route, per customer (<c>sub</c>).</summary>
    public TokenBucket SignedIn { get; set; } = new() { TokenLimit = 200, TokensPerSecond = 100 };

    /// <summary>Requests one caller (address or customer) may have open at once; more are 429.</summary>
    public int ConcurrentPerCaller { get; set; } = 32;

    public int ConcurrentRequests { get; set; } = 512;

    public int QueuedRequests { get; set; } = 2048;

    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(2);

    public sealed class TokenBucket
    {
        /// <summary>The burst: how many calls a full bucket allows at once.</summary>
        public int TokenLimit { get; set; }

        /// <summary>The sustained rate: tokens put back every second.</summary>
        public int TokensPerSecond { get; set; }
    }
}
