using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Reservations.WebApi.Protection;

namespace Reservations.UnitTests.WebApi.Protection;

public class CallerRateLimiterTests
{
    private readonly ManualTime _time = new();

    [Fact]
    public void ABucket_RefillsAsTimePasses_AndARefusalSaysWhenToComeBack()
    {
        using var limiter = Limiter(new RateLimitingOptions { Anonymous = new() { TokenLimit = 2, TokensPerSecond = 1 } });
        var caller = From(1);

        limiter.AttemptAcquire(caller).Dispose();
        limiter.AttemptAcquire(caller).Dispose();
        using var refused = limiter.AttemptAcquire(caller);
        _time.Advance(TimeSpan.FromSeconds(1));
        using var later = limiter.AttemptAcquire(caller);

        refused.IsAcquired.Should().BeFalse();
        refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter).Should().BeTrue();
        retryAfter.Should().Be(TimeSpan.FromSeconds(1));
        later.IsAcquired.Should().BeTrue();
    }

    [Fact]
    public void IdleCallers_AreDropped_WhenTheNumberOfCallersDoubled_WhileCallersWithOpenRequestsAreKept()
    {
        using var limiter = Limiter(new RateLimitingOptions { ConcurrentPerCaller = 1 });
        using var open = limiter.AttemptAcquire(From(0));
        for (var i = 1; i < CallerRateLimiter.SweepFloor; i++)
        {
            limiter.AttemptAcquire(From(i)).Dispose();
        }

        limiter.Count.Should().Be(CallerRateLimiter.SweepFloor, "nobody was idle yet at the first sweep");
        _time.Advance(TimeSpan.FromSeconds(10));
        for (var i = CallerRateLimiter.SweepFloor; i < 2 * CallerRateLimiter.SweepFloor; i++)
        {
            limiter.AttemptAcquire(From(i)).Dispose();
        }

        limiter.Count.Should().Be(CallerRateLimiter.SweepFloor + 1, "the first callers but the one with a request open were idle");
        using var second = limiter.AttemptAcquire(From(0));
        second.IsAcquired.Should().BeFalse("its open request is still counted");
    }

    private CallerRateLimiter Limiter(RateLimitingOptions options) => new(Options.Create(options), _time);

    private static DefaultHttpContext From(int caller) =>
        new() { Connection = { RemoteIpAddress = new IPAddress(BitConverter.GetBytes(caller + 1)) } };
}
