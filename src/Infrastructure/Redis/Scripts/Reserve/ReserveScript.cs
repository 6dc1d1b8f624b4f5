using System.Globalization;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Holds;
using Reservations.Domain.Holds;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Reserve;

/// <summary>reserve.lua: a batch of reserve requests of one shard in one call, its arguments and its replies.</summary>
internal sealed class ReserveScript(RedisKeys keys)
{
    // Overdue holds a reserve gives back first, so stock returns even while no Worker runs; small, to keep reserve lean.
    private const int ReclaimBatch = 16;
    private const int SharedKeys = 5;
    private const int ValuesPerRequest = 7;
    private static readonly long IdempotencyTtlMs = (long)IdempotencyClaims.Ttl.TotalMilliseconds;
    private static readonly BatchScript Script = BatchScript.Load("reserve");

    /// <summary>The script's text, for tests that run it with batches of their own making.</summary>
    public static string Text => Script.Text;

    public async Task<IReadOnlyList<ReserveReply>> RunAsync(IDatabase db, int shard, IReadOnlyList<ReserveCall> calls)
    {
        var (callKeys, values) = Arguments(shard, [.. calls.Select(c => (c.Request, (RedisValue)RedisKeys.HoldField(c.HoldId)))]);
        var replies = (RedisResult[])(await Script.EvaluateAsync(db, callKeys, values))!;
        return [.. replies.Select((reply, i) => ParseOwn(shard, calls[i].HoldId, reply))];
    }

    public (RedisKey[] Keys, RedisValue[] Values) Arguments(
        int shard, IReadOnlyList<(ReserveRequest Request, RedisValue HoldField)> requests)
    {
        var shardKeys = keys.Of(shard);
        var callKeys = new List<RedisKey>(SharedKeys + requests.Count)
        {
            shardKeys.Stock, shardKeys.Catalog, shardKeys.Holds, shardKeys.Due, shardKeys.Tally,
        };
        var values = new RedisValue[3 + requests.Count * ValuesPerRequest];
        values[0] = requests.Count;
        values[1] = ReclaimBatch;
        values[2] = IdempotencyTtlMs;
        for (var i = 0; i < requests.Count; i++)
        {
            var (request, holdField) = requests[i];
            var at = 3 + i * ValuesPerRequest;
            values[at] = Products(request);
            values[at + 1] = holdField;
            values[at + 2] = request.Customer.Value;
            values[at + 3] = Quantities(request);
            values[at + 4] = 0;
            values[at + 5] = request.HoldSeconds ?? 0;
            values[at + 6] = RedisKeys.CustomerField(request.Customer.Value);
            if (request.IdempotencyKey is { } idempotencyKey)
            {
                callKeys.Add(keys.Idempotency(shard, request.Customer.Value, idempotencyKey));
                values[at + 4] = callKeys.Count;
            }
        }

        return ([.. callKeys], values);
    }

    public static byte[] Products(ReserveRequest request) => [.. request.Lines.SelectMany(line => RedisKeys.ProductField(line.ProductId))];

    public static string Quantities(ReserveRequest request) =>
        string.Join(',', request.Lines.Select(line => line.Quantity.Value.ToString(CultureInfo.InvariantCulture)));

    private static ReserveReply Parse(int shard, Guid holdId, RedisResult[] reply) => (string)reply[0]! switch
    {
        "reserved" => new ReserveReply(HoldCodec.Parse(holdId, (byte[])reply[1]!)),
        "replay" => new ReserveReply(ParseReplay(shard, (byte[])reply[1]!)),
        "out-of-stock" => new ReserveReply(HoldErrors.OutOfStock((int)reply[1], ProductOf(reply[2]))),
        "limit-exceeded" => new ReserveReply(HoldErrors.LimitExceeded((int)reply[1], ProductOf(reply[2]))),
        "hold-too-long" => new ReserveReply(HoldErrors.HoldTooLong((int)reply[1])),
        "key-reused" => new ReserveReply(HoldErrors.IdempotencyKeyReused),
        "sale-not-open" => new ReserveReply(HoldErrors.SaleNotOpen(OpensAt((string)reply[1]!), ProductOf(reply[2]))),
        "not-found" => new ReserveReply(HoldErrors.ProductNotFound(ProductOf(reply[1]))),
        "not-one-sale" => new ReserveReply(HoldErrors.CartSpansSales(ProductOf(reply[1]))),
        "invalid" => new ReserveReply(Invalid: (string)reply[1]!),
        var other => new ReserveReply(Invalid: string.Create(CultureInfo.InvariantCulture, $"unexpected reply '{other}'")),
    };

    // A reply this code cannot read answers its own request as invalid: the others of the batch, whose holds may be
    // taken, are answered as they would have been alone.
    private static ReserveReply ParseOwn(int shard, Guid holdId, RedisResult reply)
    {
        try
        {
            return Parse(shard, holdId, (RedisResult[])reply!);
        }
        catch (Exception e) when (e is FormatException or InvalidCastException or OverflowException or ArgumentException)
        {
            return new ReserveReply(Invalid: $"unreadable reply: {e.Message}");
        }
    }

    private static Guid ProductOf(RedisResult field) => RedisKeys.ProductOfField((byte[])field!);

    // Empty when the sale is paused or closed rather than not yet open.
    private static DateTimeOffset? OpensAt(string unixMs) =>
        unixMs.Length == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(unixMs, CultureInfo.InvariantCulture));

    // A replay answers with the hold as it was created: the same status (201, held) and the same body.
    private static Result<Hold> ParseReplay(int shard, byte[] value)
    {
        var holdId = RedisKeys.HoldOfField(shard, value.AsSpan(..RedisKeys.HoldFieldLength));
        return HoldCodec.Parse(holdId, value.AsSpan(RedisKeys.HoldFieldLength..));
    }
}

/// <summary>One request of a reserve batch, with the id its hold gets if it is taken.</summary>
internal readonly record struct ReserveCall(ReserveRequest Request, Guid HoldId);

/// <summary>
/// What reserve.lua answered one request of a batch: the outcome a lone request would have had, or why the script could
/// not decide it (its own data was unusable; the other requests of the batch went on).
/// </summary>
internal readonly record struct ReserveReply(Result<Hold>? Outcome = null, string? Invalid = null)
{
    public Result<Hold> ToResult() =>
        Outcome ?? throw new InvalidOperationException($"The reserve script could not decide the request: {Invalid}.");
}
