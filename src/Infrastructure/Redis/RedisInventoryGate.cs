using System.Diagnostics;
using System.Globalization;
using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Tracing;
using Reservations.Application.Common.Results;
using Reservations.Application.Products;
using Reservations.Application.Reservations;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;
using Reservations.Domain.Reservations;
using Reservations.Infrastructure.Redis.Scripts;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

internal sealed class RedisInventoryGate(IConnectionMultiplexer redis, RedisKeys keys, ReplicaAcknowledgement replicas)
    : IHoldGate, IHoldExpiry, IStockGate, IAsyncDisposable
{
    // Hold ids one expire script pops at most: well below Redis's busy-script limit.
    private const int ExpireBatch = 200;

    private readonly ShardBatcher<ReserveCall, ReserveReply> _reserves = ReserveBatcher(redis, keys);
    private readonly InitScript _init = new(keys);
    private readonly TermsScript _terms = new(keys);
    private readonly IdempotencyClaims _claims = new(keys);
    private readonly ExtendScript _extend = new(keys);

    private IDatabase Db => redis.GetDatabase();

    public Task<bool> InitializeAsync(InventoryItem item, CancellationToken cancellationToken) => _init.RunAsync(Db, item);

    public Task<bool> WriteTermsAsync(InventoryItem item, CancellationToken cancellationToken) => _terms.RunAsync(Db, item);

    public async Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(
        IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var lookups = productIds.Distinct()
            .Select(id => (Id: id, Value: Db.HashGetAsync(keys.Stock(keys.ShardOf(id)), RedisKeys.StockField(id, 'a'))))
            .ToList();
        await Task.WhenAll(lookups.Select(l => l.Value));
        return lookups.Where(l => !l.Value.Result.IsNull).ToDictionary(l => l.Id, l => (int)l.Value.Result);
    }

    public async Task<GateStock?> GetStockAsync(Guid productId, CancellationToken cancellationToken)
    {
        var values = await Db.HashGetAsync(
            keys.Stock(keys.ShardOf(productId)),
            [.. "ahpd".Select(counter => (RedisValue)RedisKeys.StockField(productId, counter))]);
        return values[0].IsNull ? null : new GateStock((int)values[0], (int)values[1], (int)values[2], (int?)values[3] ?? 0);
    }

    public async Task<Result<Hold>> ReserveAsync(ReserveRequest request, CancellationToken cancellationToken)
    {
        if (request.IdempotencyKey is { } idempotencyKey && !await _claims.TryClaimAsync(Db, request, idempotencyKey))
        {
            return ReservationErrors.IdempotencyKeyReused;
        }

        // As reserve.lua names the first line whose sale is not the first line's, this names the first line elsewhere.
        var shard = keys.ShardOf(request.Lines[0].ProductId);
        if (request.Lines.FirstOrDefault(line => keys.ShardOf(line.ProductId) != shard) is { } elsewhere)
        {
            return await CrossShardRefusalAsync(request, elsewhere.ProductId);
        }

        var reply = await _reserves.SendAsync(shard, new ReserveCall(request, keys.NewHoldId(shard)));
        return reply.ToResult();
    }

    // The products of one sale share a shard (their ids are drawn into it), so a cart over two shards spans sales, unless
    // it names a product that does not exist: that is the answer then, as it would be in one shard.
    private async Task<Error> CrossShardRefusalAsync(ReserveRequest request, Guid elsewhere)
    {
        var known = await Task.WhenAll(request.Lines.Select(line =>
            Db.HashExistsAsync(keys.Catalog(keys.ShardOf(line.ProductId)), RedisKeys.ProductField(line.ProductId))));
        var unknown = request.Lines.Where((_, i) => !known[i]).Select(line => (Guid?)line.ProductId).FirstOrDefault();
        return unknown is { } productId ? ReservationErrors.ProductNotFound(productId) : ReservationErrors.CartSpansSales(elsewhere);
    }

    public async Task<Result<Hold>> PurchaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken)
    {
        if (keys.ShardOfHold(holdId) is not { } shard)
        {
            return ReservationErrors.NotFound;
        }

        var connection = replicas.Enabled ? replicas.Next() : null;
        var reply = (RedisResult[])(await GateScripts.Purchase.RunAsync(
            connection?.GetDatabase() ?? Db, HoldArguments(shard, holdId, customer) with { TraceParent = RecordedTraceParent() }))!;
        if ((string)reply[0]! == "purchased" && connection is not null)
        {
            // A repeat waits too, but a repeat writes nothing: it cannot prove the first purchase was replicated.
            await replicas.WaitAsync(connection, keys.Holds(shard), holdId);
        }

        return (string)reply[0]! switch
        {
            "purchased" => HoldCodec.Parse(holdId, (byte[])reply[1]!),
            "expired" => ReservationErrors.HoldExpired,
            "released" => ReservationErrors.HoldReleased,
            "not-found" => ReservationErrors.NotFound,
            var other => throw new InvalidOperationException($"Unexpected purchase reply '{other}'."),
        };
    }

    public async Task<Result<Hold>> ExtendAsync(ExtendRequest request, CancellationToken cancellationToken) =>
        keys.ShardOfHold(request.HoldId) is { } shard
            ? await _extend.RunAsync(Db, shard, request)
            : ReservationErrors.NotFound;

    public async Task<Result<Unit>> ReleaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken)
    {
        if (keys.ShardOfHold(holdId) is not { } shard)
        {
            return ReservationErrors.NotFound;
        }

        var reply = (RedisResult[])(await GateScripts.Release.RunAsync(Db, HoldArguments(shard, holdId, customer)))!;
        return (string)reply[0]! switch
        {
            "finished" => Unit.Value,
            "already-purchased" => ReservationErrors.AlreadyPurchased,
            "not-found" => ReservationErrors.NotFound,
            var other => throw new InvalidOperationException($"Unexpected release reply '{other}'."),
        };
    }

    public int Shards => keys.Shards;

    public async Task<ShardExpiry> ExpireDueAsync(int shard, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, keys.Shards);
        var arguments = GateArguments.ForShard(keys, shard) with { Batch = ExpireBatch };
        var delays = new List<TimeSpan>();
        var quarantined = new List<QuarantinedHold>();
        RedisResult[] reply;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            reply = (RedisResult[])(await GateScripts.Expire.RunAsync(Db, arguments))!;
            delays.AddRange(((long[])reply[1]!).Select(ms => TimeSpan.FromMilliseconds(ms)));
            var setAside = (RedisResult[])reply[2]!;
            for (var i = 0; i < setAside.Length; i += 2)
            {
                quarantined.Add(new QuarantinedHold(HoldName(shard, (byte[])setAside[i]!), (string)setAside[i + 1]!));
            }
        }
        while ((long)reply[0] == 1);

        return new ShardExpiry(delays, quarantined);
    }

    public async Task<Hold?> FindAsync(Guid holdId, CancellationToken cancellationToken)
    {
        if (keys.ShardOfHold(holdId) is not { } shard)
        {
            return null;
        }

        var arguments = GateArguments.ForShard(keys, shard) with { HoldId = RedisKeys.HoldField(holdId) };
        var reply = (RedisResult[])(await GateScripts.Read.RunAsync(Db, arguments))!;
        var value = (byte[])reply[0]!;
        if (value.Length == 0)
        {
            return null;
        }

        var hold = HoldCodec.Parse(holdId, value);
        return hold with { Status = hold.StatusAt(HoldCodec.Time((string)reply[1]!)) };
    }

    public async Task<AdjustmentApplication> ApplyAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken)
    {
        var arguments = Arguments(adjustment.ProductId) with
        {
            Delta = adjustment.Delta,
            AdjustmentKey = keys.Adjustment(keys.ShardOf(adjustment.ProductId), adjustment.Id),
        };
        var reply = (RedisResult[])(await GateScripts.Adjust.RunAsync(Db, arguments))!;
        var outcome = (string)reply[0]! switch
        {
            "applied" => AdjustmentOutcome.Applied,
            "refused" => AdjustmentOutcome.Refused,
            "no-gate-state" => AdjustmentOutcome.NoGateState,
            var other => throw new InvalidOperationException($"Unexpected adjust reply '{other}'."),
        };
        return new AdjustmentApplication(outcome, (int)reply[1]);
    }

    private GateArguments Arguments(Guid productId) =>
        GateArguments.ForShard(keys, keys.ShardOf(productId)) with { ProductId = RedisKeys.ProductField(productId) };

    private GateArguments HoldArguments(int shard, Guid holdId, CustomerId customer) =>
        GateArguments.ForShard(keys, shard) with
        {
            HoldId = RedisKeys.HoldField(holdId),
            Customer = customer.Value,
        };

    // The purchase request's span, when this process traces and the span is recorded: the Worker persists the order as
    // its child. Without tracing, ASP.NET Core's request activity still takes a caller's sampled flag, but is never exported.
    private static RedisValue RecordedTraceParent() =>
        ReservationsTracing.Source.HasListeners()
        && Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : RedisValue.EmptyString;

    // A field of another length than a hold id's was not written by the gate: named by its bytes.
    private static string HoldName(int shard, byte[] field) => field.Length == RedisKeys.HoldFieldLength
        ? RedisKeys.HoldOfField(shard, field).ToString()
        : Convert.ToHexString(field);

    /// <summary>Sends what is queued and answers every reserve taken before it returns.</summary>
    public ValueTask DisposeAsync() => _reserves.DisposeAsync();

    private static ShardBatcher<ReserveCall, ReserveReply> ReserveBatcher(IConnectionMultiplexer redis, RedisKeys keys)
    {
        var script = new ReserveScript(keys);
        return new(keys.Shards, (shard, calls) => script.RunAsync(redis.GetDatabase(), shard, calls));
    }
}
