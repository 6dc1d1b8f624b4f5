using Microsoft.Extensions.DependencyInjection;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Infrastructure.Redis;
using Reservations.Infrastructure.Redis.Scripts.Reserve;
using Reservations.IntegrationTests.Fixtures;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Gate;

/// <summary>Group commit at the gate: one script call decides many requests, each exactly as if it had been sent alone.</summary>
public sealed class GroupCommitTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    // Product 0: 5 units, at most 2 per customer. Product 1: 3 units, no limit. Product 2: unknown, on the same shard.
    private static readonly (int Product, string Customer, int Quantity, string? Key)[] Requests =
    [
        (0, "ann", 1, "k1"), (0, "ann", 1, "k1"), (0, "ann", 2, "k1"), (0, "ann", 2, null), (0, "ann", 1, null),
        (0, "ben", 2, null), (0, "cas", 2, null), (0, "cas", 1, null), (0, "dia", 1, null), (1, "ben", 3, "k1"),
        (1, "eve", 1, null), (2, "eve", 1, null), (2, "eve", 1, "k2"), (1, "eve", 1, "k2"), (0, "ann", 1, "k1"),
        (1, "ben", 3, "k1"), (1, "ann", 1, "k1"), (0, "fay", 1000, null),
    ];

    private IDatabase Redis => api.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();

    [Fact]
    public async Task OneCall_DecidesEveryRequestAsTheSameRequestsSentOneByOne()
    {
        var together = await ShardSetAsync(shard: null);
        var alone = await ShardSetAsync(together.Shard);
        var script = new ReserveScript(api.Keys);

        // Both sets are on one shard: each has idempotency keys of its own, so that neither replays the other's holds.
        var batched = await script.RunAsync(Redis, together.Shard, Calls(together, "together"));
        var oneByOne = new List<ReserveReply>();
        foreach (var call in Calls(alone, "alone"))
        {
            oneByOne.AddRange(await script.RunAsync(Redis, alone.Shard, [call]));
        }

        var described = Describe(batched, together);
        described.Should().Equal(Describe(oneByOne, alone));
        described.Should().Equal(
            "held 1 of #0 by ann", "replay of request 0", "idempotency-key-reused", "limit-exceeded limit=2 productId=#0",
            "held 1 of #0 by ann", "held 2 of #0 by ben", "out-of-stock available=1 productId=#0", "held 1 of #0 by cas",
            "out-of-stock available=0 productId=#0", "held 3 of #1 by ben", "out-of-stock available=0 productId=#1",
            "product-not-found productId=#2", "product-not-found productId=#2", "out-of-stock available=0 productId=#1",
            "replay of request 0", "replay of request 9", "idempotency-key-reused", "limit-exceeded limit=2 productId=#0");
        for (var product = 0; product < 2; product++)
        {
            var (batchLedger, aloneLedger) = (await api.LedgerAsync(together.Products[product]), await api.LedgerAsync(alone.Products[product]));
            batchLedger.Should().BeEquivalentTo(aloneLedger);
            batchLedger.ShouldBeBalanced();
        }
    }

    [Fact]
    public async Task ABatchWithAnUnusableRequest_AnswersItInvalidAndDecidesTheOthers()
    {
        var set = await ShardSetAsync(shard: null);
        var calls = Calls(set, "set");
        var (keys, values) = new ReserveScript(api.Keys).Arguments(set.Shard,
            [.. calls.Select(c => (c.Request, (RedisValue)RedisKeys.HoldField(c.HoldId)))]);
        values[3 + 5 * 7 + 3] = "a lot";

        var replies = (RedisResult[])(await Redis.ScriptEvaluateAsync(ReserveScript.Text, keys, values))!;

        // Request 5 (ben, 2 units) is gone, so cas gets the 2 units that were ben's, and her next one is over her limit.
        replies.Select(r => (string)((RedisResult[])r!)[0]!).Should().Equal(
            "reserved", "replay", "key-reused", "limit-exceeded", "reserved", "invalid", "reserved", "limit-exceeded",
            "reserved", "reserved", "out-of-stock", "not-found", "not-found", "out-of-stock", "replay", "replay", "key-reused",
            "limit-exceeded");
        var ledger = await api.LedgerAsync(set.Products[0]);
        ledger.Should().BeEquivalentTo(new { Available = 0, Held = 5 });
        ledger.ShouldBeBalanced();
    }

    private async Task<(int Shard, Guid[] Products)> ShardSetAsync(int? shard)
    {
        var (onShard, products) = await api.CreateOnOneShardAsync(shard, (5, 2), (3, null));
        return (onShard, [.. products.Select(p => p.Id), api.UnknownProductOn(onShard)]);
    }

    private List<ReserveCall> Calls((int Shard, Guid[] Products) set, string keyPrefix) =>
    [
        .. Requests.Select(r => new ReserveCall(
            new ReserveRequest(
                set.Products[r.Product], CustomerId.From(r.Customer), Quantity.From(r.Quantity), r.Key is null ? null : $"{keyPrefix}-{r.Key}"),
            api.Keys.NewHoldId(set.Shard))),
    ];

    // What a reply says, without the ids and times that differ between the two runs: a hold by the product's place in
    // the set, a replay by the request whose hold it returns.
    private static List<string> Describe(IReadOnlyList<ReserveReply> replies, (int Shard, Guid[] Products) set)
    {
        var holdsByRequest = new Dictionary<Guid, int>();
        return [.. replies.Select((reply, i) =>
        {
            var outcome = reply.ToResult();
            if (!outcome.IsSuccess)
            {
                return Describe(outcome.Error!, set.Products);
            }

            var hold = outcome.Value;
            if (holdsByRequest.TryGetValue(hold.Id, out var first))
            {
                return $"replay of request {first}";
            }

            holdsByRequest[hold.Id] = i;
            var product = Array.IndexOf(set.Products, hold.Lines[0].ProductId);
            return $"{hold.Status.ToString().ToLowerInvariant()} {hold.Lines[0].Quantity.Value} of #{product} by {hold.Customer.Value}";
        })];
    }

    // A product is named by its place in its set, so that two sets of products describe alike.
    private static string Describe(Error error, Guid[] products) =>
        string.Join(' ', [error.Code, .. (error.Extensions ?? new Dictionary<string, object?>()).Select(e =>
            e.Value is Guid product && Array.IndexOf(products, product) is var index and >= 0 ? $"{e.Key}=#{index}" : $"{e.Key}={e.Value}")]);
}
