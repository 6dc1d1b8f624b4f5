using Reservations.Domain.Customers;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Purchase;

/// <summary>purchase.lua: buys a held hold for its owner and appends it to the shard's purchase stream in the same step.</summary>
internal sealed class PurchaseScript(RedisKeys keys)
{
    private static readonly NamedScript<PurchaseArguments> Script = new("purchase");

    /// <param name="traceParent">The purchase request's W3C trace context, or empty: the purchase entry carries it.</param>
    public async Task<PurchaseReply> RunAsync(IDatabase db, int shard, Guid holdId, CustomerId customer, RedisValue traceParent)
    {
        var arguments = new PurchaseArguments(
            keys.Stock(shard), keys.Holds(shard), keys.Tally(shard), keys.Purchases(shard),
            RedisKeys.HoldField(holdId), customer.Value, traceParent);
        return Parse((RedisResult[])(await Script.RunAsync(db, arguments))!);
    }

    private static PurchaseReply Parse(RedisResult[] reply) => (string)reply[0]! switch
    {
        "purchased" => new(PurchaseOutcome.Purchased, (byte[])reply[1]!),
        "expired" => new(PurchaseOutcome.Expired, (byte[])reply[1]!),
        "released" => new(PurchaseOutcome.Released, (byte[])reply[1]!),
        "not-found" => new(PurchaseOutcome.NotFound, []),
        var other => throw new InvalidOperationException($"Unexpected purchase reply '{other}'."),
    };
}

internal sealed record PurchaseArguments(
    RedisKey StockKey, RedisKey HoldsKey, RedisKey TallyKey, RedisKey PurchasesKey,
    RedisValue HoldId, RedisValue Customer, RedisValue TraceParent);

internal enum PurchaseOutcome
{
    /// <summary>Purchased now, or before: a repeat answers the same.</summary>
    Purchased,

    /// <summary>It was past its deadline: expired, now or before.</summary>
    Expired,

    Released,

    /// <summary>No such hold of this customer.</summary>
    NotFound,
}

/// <summary>purchase.lua's answer: the outcome and the hold, packed, as it stands (empty when it was not found).</summary>
internal readonly record struct PurchaseReply(PurchaseOutcome Outcome, byte[] Hold);
