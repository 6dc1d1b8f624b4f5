using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Reservations.WebApi.Auth;

namespace Reservations.WebApi.Protection;

/// <summary>
/// ASP.NET Core's rate limiter, answering 429 <c>rate-limited</c> with <c>Retry-After</c> (its default is 503): every
/// call counts against its caller's bucket (per client address without a valid token, per <c>sub</c> with one), and the
/// routes that take stock have a tighter bucket per customer on top (<see cref="PerCustomer"/>).
/// </summary>
internal static class RateLimitingSetup
{
    public const string PerCustomer = "per-customer";

    public static IServiceCollection AddReservationsRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.Section)
            .Validate(o => IsValid(o.Customer) && IsValid(o.Anonymous) && IsValid(o.SignedIn),
                "RateLimiting:Customer, :Anonymous and :SignedIn need a positive TokenLimit and TokensPerSecond.")
            .Validate(o => o.ConcurrentRequests > 0 && o.ConcurrentPerCaller > 0 && o.QueuedRequests >= 0 && o.QueueTimeout >= TimeSpan.Zero,
                "RateLimiting:ConcurrentRequests and :ConcurrentPerCaller must be positive, :QueuedRequests and :QueueTimeout not negative.")
            .ValidateOnStart();
        services.AddSingleton<OverloadGate>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            var limits = settings.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            // Partition keys are prefixed: a customer id must never share a bucket with an address. Besides its rate,
            // a caller's open requests are limited, so slow requests cannot take the process's slots from the others.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(context => CustomerOf(context) is null
                    ? RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => Bucket(limits.Anonymous))
                    : RateLimitPartition.GetTokenBucketLimiter(CallerOf(context), _ => Bucket(limits.SignedIn))),
                PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetConcurrencyLimiter(
                    CallerOf(context), _ => new ConcurrencyLimiterOptions { PermitLimit = limits.ConcurrentPerCaller, QueueLimit = 0 })));
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

    private static string CallerOf(HttpContext context) =>
        CustomerOf(context) is { } customer ? "customer:" + customer : "address:" + AddressOf(context);

    // Behind a reverse proxy this is the proxy's address unless forwarded headers are configured for it.
    private static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static TokenBucketRateLimiterOptions Bucket(RateLimitingOptions.TokenBucket bucket) => new()
    {
        TokenLimit = bucket.TokenLimit,
        TokensPerPeriod = bucket.TokensPerSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        var context = rejected.HttpContext;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"Too many requests; try again in {seconds} s.";
        var written = await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Detail = detail },
        });
        if (!written)
        {
            // The client accepts no JSON: the status and Retry-After still say it all.
            await context.Response.WriteAsync(detail, cancellationToken);
        }
    }
}
