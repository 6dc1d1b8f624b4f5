using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Security;

/// <summary>The default per-customer bucket (40, then 20 a second): 429 rate-limited with Retry-After beyond it.</summary>
public sealed class RateLimitingTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reserve_BurstBeyondTheDefaultBucketOf40_Is429WithRetryAfter_WhileAnotherCustomerStillReserves()
    {
        var product = await api.CreateProductAsync(stock: 1_000);
        var alice = api.CreateClient(Tokens.Customer("burst-alice"));

        var responses = new ConcurrentBag<HttpResponseMessage>();
        var started = Stopwatch.GetTimestamp();
        // 16 at a time: below the 32 open requests a caller may have, so only the bucket refuses.
        await Parallel.ForEachAsync(Enumerable.Range(0, 60), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = Ct },
            async (_, _) => responses.Add(await alice.ReserveAsync(product.Id)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var bob = await api.CreateClient(Tokens.Customer("burst-bob")).ReserveAsync(product.Id);

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        created.Should().BeInRange(40, 40 + (int)Math.Ceiling(20 * seconds), $"a full bucket of 40, and 20 more per second ({seconds:0.00} s)");
        foreach (var rejected in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await rejected.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
            int.Parse(rejected.Headers.RetryAfter!.ToString(), CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1);
        }

        bob.StatusCode.Should().Be(HttpStatusCode.Created);
        (await api.LedgerAsync(product.Id)).Held.Should().Be(created + 1, "a refused call takes nothing");
    }
}
