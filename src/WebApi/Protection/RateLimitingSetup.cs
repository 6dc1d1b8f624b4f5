using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Reservations.WebApi.Auth;

namespace Reservations.WebApi.Protection;

/// <summary>
/// ASP.NET Core's rate limiter, answering 429 <c>rate-limited</c> with <c>Retry-After</c> (its default is 503):
/// callers without a valid token are limited per client address on every route; customers per <c>sub</c> on the routes
/// that take stock (<see cref="PerCustomer"/>). One caller's burst never slows another.
/// </summary>
internal static class RateLimitingSetup
{
    public const string PerCustomer = "per-customer";

    public static IServiceCollection AddReservationsRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => IsValid(o.Customer) && IsValid(o.Anonymous),
                "RateLimiting:Customer and RateLimiting:Anonymous need a positive TokenLimit and TokensPerSecond.")
            .Validate(o => o.ConcurrentRequests > 0 && o.QueuedRequests >= 0 && o.QueueTimeout >= TimeSpan.Zero,
                "RateLimiting:ConcurrentRequests must be positive, QueuedRequests and QueueTimeout not negative.")
            .ValidateOnStart();
        services.AddSingleton<OverloadGate>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                CustomerOf(context) is null
                    ? RateLimitPartition.GetTokenBucketLimiter(AddressOf(context), _ => Bucket(limits.Anonymous))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.AddPolicy(PerCustomer, context =>
                CustomerOf(context) is { } customer
                    ? RateLimitPartition.GetTokenBucketLimiter(customer, _ => Bucket(limits.Customer))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
        });
        return services;
    }

    private static bool IsValid(RateLimitingOptions.TokenBucket bucket) => bucket is { TokenLimit: > 0, TokensPerSecond: > 0 };

    // Authentication ran before the limiter: a missing, forged or expired token leaves the caller anonymous.
    private static string? CustomerOf(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true ? context.User.FindFirst(Policies.SubjectClaim)?.Value : null;

    // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured for it.
    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static TokenBucketRateLimiterOptions Bucket(RateLimitingOptions.TokenBucket bucket) => new()
    {
        TokenLimit = bucket.TokenLimit,
        TokensPerPeriod = bucket.TokensPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var context = rejected.HttpContext;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Detail = $"Too many requests; try again in {seconds} s.",
            },
        });
    }
}
