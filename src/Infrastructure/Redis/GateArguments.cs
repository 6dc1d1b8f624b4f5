using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// The named arguments of the gate's scripts (<c>@StockKey</c>, <c>@HoldId</c>…). <see cref="LuaScript"/> passes
/// each <see cref="RedisKey"/> a script names in KEYS and each other value in ARGV; unnamed ones are not sent.
/// </summary>
internal sealed record GateArguments
{
    public RedisKey StockKey { get; init; }
    public RedisKey CatalogKey { get; init; }
    public RedisKey HoldsKey { get; init; }
    public RedisKey DueKey { get; init; }
    public RedisKey TallyKey { get; init; }
    public RedisKey PurchasesKey { get; init; }
    public RedisKey DeadLettersKey { get; init; }
    public RedisKey DeadHoldsKey { get; init; }
    public RedisKey AdjustmentKey { get; init; }
    public RedisKey QuarantineKey { get; init; }
    public RedisValue ProductId { get; init; }
    public RedisValue HoldId { get; init; }
    public RedisValue Customer { get; init; }
    public RedisValue Delta { get; init; }
    public RedisValue Batch { get; init; }
    public RedisValue EntryId { get; init; }
    public RedisValue HoldIds { get; init; }
    public RedisValue EntryIds { get; init; }
    public RedisValue Group { get; init; }
    public RedisValue Reason { get; init; }
    public RedisValue Status { get; init; }
    public RedisValue CustomerField { get; init; }
    public RedisValue TraceParent { get; init; }

    /// <summary>The keys of one shard; every script call starts from these.</summary>
    public static GateArguments ForShard(RedisKeys keys, int shard) => new()
    {
        StockKey = keys.Stock(shard),
        CatalogKey = keys.Catalog(shard),
        HoldsKey = keys.Holds(shard),
        DueKey = keys.Due(shard),
        TallyKey = keys.Tally(shard),
        PurchasesKey = keys.Purchases(shard),
        DeadLettersKey = keys.DeadLetters(shard),
        DeadHoldsKey = keys.DeadHolds(shard),
        QuarantineKey = keys.Quarantine(shard),
    };
}
