using System.Net;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;
using Reservations.Worker;

namespace Reservations.IntegrationTests.Worker;

[Collection(RunsAlone.Name)]
public sealed class HoldExtensionExpiryTests(UnthrottledApiFactory api, ITestOutputHelper output)
    : HoldExtensionExpirySuite(api, output), IClassFixture<UnthrottledApiFactory>;

[Collection(RunsAlone.Name)]
public sealed class HoldExtensionExpiryOnClusterTests(UnthrottledClusterApiFactory api, ITestOutputHelper output)
    : HoldExtensionExpirySuite(api, output), IClassFixture<UnthrottledClusterApiFactory>;

/// <summary>
/// An extended hold expires at its new deadline, not the old one; and an extension racing the Worker's expiry at the
/// deadline either extends the hold or finds it expired, never both, and its units come back exactly once. These run
/// alone: they measure deadlines.
/// </summary>
public abstract class HoldExtensionExpirySuite(ReservationsApiFactory api, ITestOutputHelper output)
{
    private const int RacingHolds = 40;
    private static readonly TimeSpan FastSweep = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan ReleasePromise = new WorkerOptions { SweepInterval = FastSweep }.ReleasePromise;

    [Fact]
    public async Task ExtendedHold_WithTheWorkerRunning_ExpiresAtItsNewDeadlineNotTheOld()
    {
        var product = await api.CreateProductAsync(stock: 5, holdSeconds: 1, maxHoldSeconds: 30);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var worker = await TestWorker.StartAsync(api, ("Worker:SweepInterval", FastSweep.ToString()));
        try
        {
            var hold = await alice.ReserveOkAsync(product.Id, quantity: 2);
            var extended = await (await alice.ExtendAsync(hold.Id, 10)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);

            // Past the old deadline's release promise: had the extension not moved the hold, it would be back by now.
            var oldPromise = hold.ExpiresAt + ReleasePromise;
            await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > oldPromise), oldPromise - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(1));
            var ledger = await api.LedgerAsync(product.Id);
            if (DateTimeOffset.UtcNow < extended.ExpiresAt)
            {
                ledger.Held.Should().Be(2, "the hold is due at its new deadline only");
            }

            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Held == 0,
                extended.ExpiresAt + ReleasePromise - DateTimeOffset.UtcNow);
            DateTimeOffset.UtcNow.Should().BeOnOrAfter(extended.ExpiresAt, "it came back no earlier than its new deadline");
            var read = await (await alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
            read.Should().Be(extended with { Status = HoldStatus.Expired });
            var after = await api.LedgerAsync(product.Id);
            after.Should().BeEquivalentTo(new { Available = 5, Held = 0 });
            after.ShouldBeBalanced();
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    /// <summary>
    /// Each hold is extended once, at a moment spread from well before its deadline to just after it, while the
    /// Worker's keyspace events and sweeper expire due holds. An extension sent after the deadline can only find the
    /// hold expired (by the Worker, or by the extension itself); one sent a second before it only extends, unless the
    /// machine stalls it for that second: both sides are hit and counted.
    /// </summary>
    [Fact]
    public async Task ExtendRacingExpiryAtTheDeadline_ExtendsOrExpiresEachHoldNeverBothAndEveryUnitComesBackOnce()
    {
        var product = await api.CreateProductAsync(stock: RacingHolds * 2, holdSeconds: 2, maxHoldSeconds: 6);
        var worker = await TestWorker.StartAsync(api, ("Worker:SweepInterval", FastSweep.ToString()));
        try
        {
            var customers = Enumerable.Range(0, RacingHolds)
                .Select(i => api.CreateClient(Tokens.Customer($"racer-{i}-{Guid.NewGuid():N}"))).ToArray();
            var holds = await Task.WhenAll(customers.Select(c => c.ReserveOkAsync(product.Id, quantity: 2)));

            var outcomes = await Task.WhenAll(holds.Select((hold, i) => ExtendAtAsync(customers[i], hold, Offset(i))));

            var extended = outcomes.Where(o => o.Extended is not null).ToList();
            var expired = outcomes.Where(o => o.Extended is null).ToList();
            output.WriteLine($"{extended.Count} extensions won, {expired.Count} found the hold expired");
            extended.Should().NotBeEmpty("extensions sent a second before the deadline win");
            expired.Should().NotBeEmpty("extensions sent after the deadline find the hold expired");
            extended.Should().OnlyContain(o => o.Extended!.ExpiresAt == o.Hold.ExpiresAt.AddSeconds(2) && o.Extended.Status == HoldStatus.Held);

            var lastDeadline = extended.Max(o => o.Extended!.ExpiresAt);
            await Eventually.TrueAsync(async () => (await api.LedgerAsync(product.Id)).Held == 0,
                lastDeadline + ReleasePromise - DateTimeOffset.UtcNow);
            var ledger = await api.LedgerAsync(product.Id);
            ledger.Should().BeEquivalentTo(new { Available = RacingHolds * 2, Held = 0, Purchasing = 0 }, "every unit came back exactly once");
            ledger.ShouldBeBalanced();
            foreach (var (outcome, i) in outcomes.Select((o, i) => (o, i)))
            {
                var read = await (await customers[i].GetReservationAsync(outcome.Hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK);
                read.Should().Be((outcome.Extended ?? outcome.Hold) with { Status = HoldStatus.Expired },
                    "an extended hold expired at its new deadline, an expired one kept its old deadline");
            }
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }
    }

    // From 1 s before the deadline to 300 ms after it, in steps of 1300 / RacingHolds ms.
    private static TimeSpan Offset(int i) => TimeSpan.FromMilliseconds(-1000 + i * 1300 / RacingHolds);

    private static async Task<(ReservationResponse Hold, ReservationResponse? Extended)> ExtendAtAsync(
        HttpClient customer, ReservationResponse hold, TimeSpan offset)
    {
        // The moment of the extension is the race being set up, not a wait for a result.
        var wait = hold.ExpiresAt + offset - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, TestContext.Current.CancellationToken);
        }

        var response = await customer.ExtendAsync(hold.Id, 2);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            return (hold, await response.ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK));
        }

        await response.ShouldBeProblemAsync(HttpStatusCode.Gone, "hold-expired");
        return (hold, null);
    }
}
