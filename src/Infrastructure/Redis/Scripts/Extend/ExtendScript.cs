using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Extend;

/// <summary>extend.lua: moves a held hold's deadline later within its cap, or expires it when it is already due.</summary>
internal sealed class ExtendScript(RedisKeys keys)
{
    private static readonly long IdempotencyTtlMs = (long)IdempotencyClaims.Ttl.TotalMilliseconds;
    private static readonly BatchScript Script = BatchScript.Load("extend");

    public async Task<Result<Hold>> RunAsync(IDatabase db, int shard, ExtendRequest request)
    {
        var reply = (RedisResult[])(await Script.EvaluateAsync(db, Keys(shard, request),
            [RedisKeys.HoldField(request.HoldId), request.Customer.Value, request.Seconds, IdempotencyTtlMs]))!;
        return (string)reply[0]! switch
        {
            "extended" => HoldCodec.Parse(request.HoldId, (byte[])reply[1]!),
            "extension-limit" => HoldErrors.ExtensionLimit(HoldCodec.Time((string)reply[1]!)),
            "expired" => HoldErrors.HoldExpired,
            "released" => HoldErrors.HoldReleased,
            "already-purchased" => HoldErrors.AlreadyPurchased,
            "key-reused" => HoldErrors.IdempotencyKeyReused,
            "not-found" => HoldErrors.NotFound,
            var other => throw new InvalidOperationException($"Unexpected extend reply '{other}'."),
        };
    }

    private RedisKey[] Keys(int shard, ExtendRequest request)
    {
        var shardKeys = keys.Of(shard);
        RedisKey[] shared = [shardKeys.Stock, shardKeys.Catalog, shardKeys.Holds, shardKeys.Due, shardKeys.Tally];
        return request.IdempotencyKey is { } key
            ? [.. shared, keys.ExtensionIdempotency(shard, request.Customer.Value, request.HoldId, key)]
            : shared;
    }
}
