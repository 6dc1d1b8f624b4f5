using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Reservations.WebApi.Protection;

/// <summary>
/// Refusals answer 429 <c>rate-limited</c> with <c>Retry-After</c> (the middleware's default is 503). Every call counts
/// against its caller's bucket and open requests; the routes that take stock add a tighter per-customer bucket
/// (<see cref="RequirePerCustomerLimit"/>).
/// </summary>
internal static class RateLimitingSetup
{
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
        services.AddSingleton<CallerRateLimiter>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<CallerRateLimiter>((limiter, callers) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.GlobalLimiter = callers;
        });
        return services;
    }

    public static TBuilder RequirePerCustomerLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(PerCustomerLimit.Instance);

    private static bool IsValid(RateLimitingOptions.TokenBucket bucket) => bucket is { TokenLimit: > 0, TokensPerSecond: > 0 };

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
