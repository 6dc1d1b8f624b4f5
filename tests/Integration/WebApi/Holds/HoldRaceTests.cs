using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Holds;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.WebApi.Holds;

/// <summary>Thousands of customers hit one product in the same instant: the gate never gives out more than it has.</summary>
public sealed class HoldRaceTests(UnthrottledApiFactory api, ITestOutputHelper output) : IClassFixture<UnthrottledApiFactory>
{
    private const int Requests = 2_000;
    private const int Stock = 100;

    [Fact]
    public async Task Reserve_2000ConcurrentCallsOverHttpOnStock100_ExactlyHundredSucceed()
    {
        var product = await api.CreateProductAsync(stock: Stock);
        var client = api.CreateClient(token: null);
        var started = Stopwatch.GetTimestamp();

        var statuses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
        {
            using var request = ReserveRequest(product.Id, quantity: 1, customer: $"racer-{i}");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, Code: await ProblemCodeAsync(response));
        }));

        output.WriteLine($"{Requests} concurrent reserves over HTTP took {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        statuses.Count(s => s.StatusCode == HttpStatusCode.Created).Should().Be(Stock);
        statuses.Where(s => s.StatusCode != HttpStatusCode.Created).Should().OnlyContain(s => s.Code == "out-of-stock");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Available = 0, Held = Stock });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_2000ConcurrentCallsOverHttpWithQuantities1To3_NeverTakeMoreThanTheStock()
    {
        var product = await api.CreateProductAsync(stock: Stock);
        var client = api.CreateClient(token: null);
        var random = new Random(7);
        var quantities = Enumerable.Range(0, Requests).Select(_ => random.Next(1, 4)).ToArray();

        var taken = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
        {
            using var request = ReserveRequest(product.Id, quantities[i], customer: $"mixed-{i}");
            using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
            return response.StatusCode == HttpStatusCode.Created ? quantities[i] : 0;
        }));

        taken.Sum().Should().BeInRange(Stock - 2, Stock);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Held.Should().Be(taken.Sum());
        ledger.Available.Should().Be(Stock - taken.Sum());
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_2000ConcurrentCallsOnTheGate_ExactlyHundredSucceed()
    {
        var product = await api.CreateProductAsync(stock: Stock);
        var gate = api.Services.GetRequiredService<IHoldGate>();

        var results = await Task.WhenAll(Enumerable.Range(0, Requests).Select(i => gate.ReserveAsync(
            new ReserveRequest(product.Id, CustomerId.From($"gate-{i}"), Quantity.From(1), null), TestContext.Current.CancellationToken)));

        results.Count(r => r.IsSuccess).Should().Be(Stock);
        results.Where(r => !r.IsSuccess).Should().OnlyContain(r => r.Error!.Code == "out-of-stock");
        results.Where(r => r.IsSuccess).Select(r => r.Value.Id).Should().OnlyHaveUniqueItems();
        (await api.LedgerAsync(product.Id)).ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_2000ConcurrentCallsOnTheGateWithQuantities1To3_NeverTakeMoreThanTheStock()
    {
        var product = await api.CreateProductAsync(stock: Stock);
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var random = new Random(11);
        var quantities = Enumerable.Range(0, Requests).Select(_ => random.Next(1, 4)).ToArray();

        var results = await Task.WhenAll(quantities.Select((q, i) => gate.ReserveAsync(
            new ReserveRequest(product.Id, CustomerId.From($"gate-mixed-{i}"), Quantity.From(q), null), TestContext.Current.CancellationToken)));

        var taken = results.Where(r => r.IsSuccess).Sum(r => r.Value.Lines[0].Quantity.Value);
        taken.Should().BeInRange(Stock - 2, Stock);
        results.Where(r => !r.IsSuccess).Should().OnlyContain(r => r.Error!.Code == "out-of-stock");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Held = taken, Available = Stock - taken });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task Reserve_50ConcurrentCallsByOneCustomerWithLimit1_MakeExactlyOneHold()
    {
        var product = await api.CreateProductAsync(stock: 100, maxPerCustomer: 1);
        var client = api.CreateClient(Tokens.Customer("greedy"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => client.ReserveAsync(product.Id)));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        (await Task.WhenAll(responses.Where(r => r.StatusCode != HttpStatusCode.Created).Select(ProblemCodeAsync)))
            .Should().HaveCount(49).And.OnlyContain(code => code == "limit-exceeded");
        (await api.LedgerAsync(product.Id)).Should().BeEquivalentTo(new { Available = 99, Held = 1 });
    }

    [Fact]
    public async Task PurchaseAtTheDeadline_EachHoldEndsPurchasedOrExpiredNeverBoth()
    {
        var product = await api.CreateProductAsync(stock: 60, holdSeconds: 1);
        var customers = Enumerable.Range(0, 60).Select(i => api.CreateClient(Tokens.Customer($"edge-{i}"))).ToArray();
        var holds = await Task.WhenAll(customers.Select(c => c.ReserveOkAsync(product.Id)));

        // Each purchase lands within a few milliseconds of its own hold's deadline, some before and some after.
        var outcomes = await Task.WhenAll(holds.Select(async (h, i) =>
        {
            var wait = h.ExpiresAt.AddMilliseconds((i % 9) * 5 - 30) - DateTimeOffset.UtcNow;
            await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, TestContext.Current.CancellationToken);
            return (await customers[i].PurchaseAsync(h.Id)).StatusCode;
        }));
        var purchased = outcomes.Count(s => s == HttpStatusCode.OK);
        outcomes.Should().OnlyContain(s => s == HttpStatusCode.OK || s == HttpStatusCode.Gone);
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var expiry = api.Services.GetRequiredService<IHoldExpiry>();
        var bucketsDue = holds.Max(h => ExpiryKeys.BucketDue(h.ExpiresAt));
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > bucketsDue), TimeSpan.FromSeconds(3));
        await expiry.ExpireDueAsync(api.Keys.ShardOf(product.Id), TestContext.Current.CancellationToken);

        var finals = await Task.WhenAll(holds.Select(async (h, i) =>
            (await (await customers[i].GetReservationAsync(h.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK)).Status));
        output.WriteLine($"{purchased} purchased, {60 - purchased} expired at the deadline");
        finals.Count(s => s == HoldStatus.Purchased).Should().Be(purchased);
        finals.Count(s => s == HoldStatus.Expired).Should().Be(60 - purchased);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Purchasing = purchased, Held = 0, Available = 60 - purchased });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task ExpireReleaseAndReclaimRacingOnOneDueHold_GiveItsStockBackExactlyOnce()
    {
        var product = await api.CreateProductAsync(stock: 10, holdSeconds: 1);
        var alice = api.CreateClient(Tokens.Customer("alice"));
        var hold = await alice.ReserveOkAsync(product.Id, quantity: 4);
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > hold.ExpiresAt.AddMilliseconds(50)), TimeSpan.FromSeconds(5));
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var expiry = api.Services.GetRequiredService<IHoldExpiry>();

        var reserved = 0;
        var expiredByGate = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            switch (i % 3)
            {
                case 0:
                    if ((await expiry.ExpireDueAsync(api.Keys.ShardOf(product.Id), TestContext.Current.CancellationToken)).Delays.Count > 0)
                    {
                        Interlocked.Increment(ref expiredByGate);
                    }

                    break;
                case 1:
                    (await alice.ReleaseAsync(hold.Id)).StatusCode.Should().Be(HttpStatusCode.NoContent);
                    break;
                default:
                    var response = await api.CreateClient(Tokens.Customer($"other-{i}")).ReserveAsync(product.Id);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        Interlocked.Increment(ref reserved);
                    }

                    break;
            }
        }));

        expiredByGate.Should().BeLessThanOrEqualTo(1);
        (await (await alice.GetReservationAsync(hold.Id)).ShouldBeJsonAsync<ReservationResponse>(HttpStatusCode.OK))
            .Status.Should().Be(HoldStatus.Expired);
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Held = reserved, Available = 10 - reserved });
        ledger.ShouldBeBalanced();
    }

    [Fact]
    public async Task ReservesPurchasesReleasesAndBucketExpiriesRacing_KeepTheLedgerBalancedAndEachHoldEndsOnce()
    {
        const int Customers = 150;
        var product = await api.CreateProductAsync(stock: 40, maxPerCustomer: 3, holdSeconds: 1);
        var gate = api.Services.GetRequiredService<IHoldGate>();
        var expiry = api.Services.GetRequiredService<IHoldExpiry>();
        var shard = api.Keys.ShardOf(product.Id);
        var ct = TestContext.Current.CancellationToken;
        using var stop = new CancellationTokenSource();
        var expiredByBuckets = 0;
        var expirer = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Interlocked.Add(ref expiredByBuckets, (await expiry.ExpireDueAsync(shard, ct)).Delays.Count);
                await Task.Delay(20, ct);
            }
        }, ct);

        // Each customer reserves at a moment of its own, then buys, gives back, or abandons the hold, some of them
        // around its deadline; reserves of the others reclaim overdue holds meanwhile, and the expirer pops buckets.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Customers).Select(async Task<(Hold? Hold, bool Purchased)> (int i) =>
        {
            await Task.Delay(i * 13 % 1_500, ct);
            var customer = CustomerId.From($"mix-{i}");
            var reserved = await gate.ReserveAsync(new ReserveRequest(product.Id, customer, Quantity.From(1 + i % 2), null), ct);
            if (!reserved.IsSuccess)
            {
                return (null, false);
            }

            var hold = reserved.Value;
            switch (i % 4)
            {
                case 0:
                    return (hold, (await gate.PurchaseAsync(hold.Id, customer, ct)).IsSuccess);
                case 1:
                    (await gate.ReleaseAsync(hold.Id, customer, ct)).IsSuccess.Should().BeTrue();
                    return (hold, false);
                case 2:
                    await Task.Delay(hold.ExpiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(i % 7 * 10 - 30), ct);
                    return (hold, (await gate.PurchaseAsync(hold.Id, customer, ct)).IsSuccess);
                default:
                    return (hold, false);
            }
        }));
        var holds = outcomes.Where(o => o.Hold is not null).ToList();
        var lastBucket = holds.Max(o => ExpiryKeys.BucketDue(o.Hold!.ExpiresAt));
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > lastBucket.AddMilliseconds(100)), TimeSpan.FromSeconds(5));
        await stop.CancelAsync();
        await expirer;
        await expiry.ExpireDueAsync(shard, ct);

        var purchased = holds.Where(o => o.Purchased).Sum(o => o.Hold!.Lines[0].Quantity.Value);
        output.WriteLine($"{holds.Count} holds, {purchased} units purchased, {expiredByBuckets} holds expired by popped buckets");
        var ledger = await api.LedgerAsync(product.Id);
        ledger.Should().BeEquivalentTo(new { Held = 0, Purchasing = purchased, Available = 40 - purchased });
        ledger.ShouldBeBalanced();
        var finals = await Task.WhenAll(holds.Select(async o => (o.Purchased, (await gate.FindAsync(o.Hold!.Id, ct))!.Status)));
        finals.Should().OnlyContain(f => f.Purchased
            ? f.Status == HoldStatus.Purchased
            : f.Status == HoldStatus.Released || f.Status == HoldStatus.Expired);
        // Only due seconds: another test of this class may have left holds of a long duration in the same shard.
        (await api.Redis.SortedSetLengthAsync(api.Keys.Due(shard), max: DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
            .Should().Be(0, "every due bucket was popped empty");
    }

    private static HttpRequestMessage ReserveRequest(Guid productId, int quantity, string customer) =>
        new(HttpMethod.Post, "/api/reservations")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { productId, quantity }),
            Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Customer(customer)) },
        };

    private static async Task<string?> ProblemCodeAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Created)
        {
            return null;
        }

        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return problem.RootElement.GetProperty("type").GetString()!.Split('/')[^1];
    }
}
