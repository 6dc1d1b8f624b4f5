using Reservations.Application.Products;
using Reservations.Domain.Products;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Adjust;

/// <summary>adjust.lua: applies a stock adjustment to what is available, at most once, and answers its outcome.</summary>
internal sealed class AdjustScript(RedisKeys keys)
{
    private static readonly NamedScript<AdjustArguments> Script = new("adjust");

    public async Task<AdjustmentApplication> RunAsync(IDatabase db, StockAdjustment adjustment)
    {
        var shard = keys.ShardOf(adjustment.ProductId);
        var arguments = new AdjustArguments(
            keys.Stock(shard), keys.Adjustment(shard, adjustment.Id), RedisKeys.ProductField(adjustment.ProductId), adjustment.Delta);
        var reply = (RedisResult[])(await Script.RunAsync(db, arguments))!;
        var outcome = (string)reply[0]! switch
        {
            "applied" => AdjustmentOutcome.Applied,
            "refused" => AdjustmentOutcome.Refused,
            "no-gate-state" => AdjustmentOutcome.NoGateState,
            var other => throw new InvalidOperationException($"Unexpected adjust reply '{other}'."),
        };
        return new AdjustmentApplication(outcome, (int)reply[1]);
    }
}

internal sealed record AdjustArguments(RedisKey StockKey, RedisKey AdjustmentKey, RedisValue ProductId, RedisValue Delta);
