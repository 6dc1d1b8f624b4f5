using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Gate;

[Collection(RunsAlone.Name)]
public sealed class HoldExtensionRaceTests(ReservationsApiFactory api, ITestOutputHelper output)
    : HoldExtensionRaceSuite(api, output), IClassFixture<ReservationsApiFactory>;

[Collection(RunsAlone.Name)]
public sealed class HoldExtensionRaceOnClusterTests(ClusterApiFactory api, ITestOutputHelper output)
    : HoldExtensionRaceSuite(api, output), IClassFixture<ClusterApiFactory>;

/// <summary>
/// Straight on the gate, at millisecond resolution: extensions land within tens of milliseconds of their holds'
/// deadlines while an expirer pops the shard's due buckets every few milliseconds. Each hold is extended or expired,
/// never both, and every unit comes back exactly once.
/// </summary>
public abstract class HoldExtensionRaceSuite(ReservationsApiFactory api, ITestOutputHelper output)
{
    private const int Customers = 60;

    [Fact]
    public async Task ExtendAtTheDeadlineAgainstAnExpirer_ExtendsOrExpiresEachHoldNeverBothAndBalancesTheLedger()
    {
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var expiry = api.Services.GetRequiredService<IHoldExpiry>();
        var ct = TestContext.Current.CancellationToken;
        var product = await api.CreateProductAsync(stock: Customers * 2, holdSeconds: 1, maxHoldSeconds: 5);
        var shard = api.Keys.ShardOf(product.Id);
        using var stop = new CancellationTokenSource();
        var expiredByBuckets = 0;
        var expirer = Task.Run(async () =>
        {
            // A sweeper far faster than the Worker's (every 1 s).
            using var pace = new PeriodicTimer(TimeSpan.FromMilliseconds(5));
            while (!stop.IsCancellationRequested && await pace.WaitForNextTickAsync(ct))
            {
                Interlocked.Add(ref expiredByBuckets, (await expiry.ExpireDueAsync(shard, ct)).Delays.Count);
            }
        }, ct);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Customers).Select(async i =>
        {
            var customer = CustomerId.From($"extender-{i}-{Guid.NewGuid():N}");
            var hold = (await gate.ReserveAsync(new ReserveRequest(product.Id, customer, Quantity.From(1 + i % 2), null), ct)).Value;
            // The moment of the extension is the race being set up: every fifth well before the deadline, the rest
            // from 60 ms before it to 30 ms after it.
            var offset = TimeSpan.FromMilliseconds(i % 5 == 0 ? -500 : i % 10 * 10 - 60);
            var wait = hold.ExpiresAt + offset - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                // To the chosen instant itself (no condition to poll): this sets the race up.
                await Task.Delay(wait, ct);
            }

            return (Hold: hold, Extended: await gate.ExtendAsync(new ExtendRequest(hold.Id, customer, 1, null), ct));
        }));
        var extended = outcomes.Where(o => o.Extended.IsSuccess).ToList();
        var expired = outcomes.Where(o => !o.Extended.IsSuccess).ToList();
        var lastBucket = outcomes.Max(o => ExpiryKeys.BucketDue(o.Extended.IsSuccess ? o.Extended.Value.ExpiresAt : o.Hold.ExpiresAt));
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > lastBucket.AddMilliseconds(100)),
            lastBucket - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await expirer;
        await expiry.ExpireDueAsync(shard, ct);

        output.WriteLine($"{extended.Count} extended, {expired.Count} found expired; the expirer gave back {expiredByBuckets} holds");
        extended.Should().NotBeEmpty();
        expired.Should().NotBeEmpty();
        expired.Should().OnlyContain(o => o.Extended.Error == HoldErrors.HoldExpired);
        foreach (var (hold, extension) in outcomes)
        {
            var final = await gate.FindAsync(hold.Id, ct);
            var deadline = extension.IsSuccess ? hold.ExpiresAt.AddSeconds(1) : hold.ExpiresAt;
            final.Should().Be(hold with { Status = HoldStatus.Expired, ExpiresAt = deadline },
                "an extended hold expired at its new deadline, one found expired kept its old deadline");
        }

        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = Customers * 2, Held = 0, Purchasing = 0 }, "every unit came back exactly once");
        ledger.ShouldBeBalanced();
    }
}
