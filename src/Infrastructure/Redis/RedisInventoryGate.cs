using System.Diagnostics;
using System.Globalization;
using Mediator;
using Reservations.Application.Common.Ports;
using Reservations.Application.Common.Results;
using Reservations.Application.Common.Tracing;
using Reservations.Application.Holds;
using Reservations.Application.Products;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Domain.Products;
using Reservations.Infrastructure.Redis.Scripts.Adjust;
using Reservations.Infrastructure.Redis.Scripts.Expire;
using Reservations.Infrastructure.Redis.Scripts.Extend;
using Reservations.Infrastructure.Redis.Scripts.Init;
using Reservations.Infrastructure.Redis.Scripts.Purchase;
using Reservations.Infrastructure.Redis.Scripts.Read;
using Reservations.Infrastructure.Redis.Scripts.Release;
using Reservations.Infrastructure.Redis.Scripts.Reserve;
using Reservations.Infrastructure.Redis.Scripts.Terms;
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
    private readonly PurchaseScript _purchase = new(keys);
    private readonly ReleaseScript _release = new(keys);
    private readonly ExpireScript _expire = new(keys);
    private readonly ReadScript _read = new(keys);
    private readonly AdjustScript _adjust = new(keys);

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
            return HoldErrors.IdempotencyKeyReused;
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
        return unknown is { } productId ? HoldErrors.ProductNotFound(productId) : HoldErrors.CartSpansSales(elsewhere);
    }

    public async Task<Result<Hold>> PurchaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken)
    {
        if (keys.ShardOfHold(holdId) is not { } shard)
        {
            return HoldErrors.NotFound;
        }

        var connection = replicas.Enabled ? replicas.Next() : null;
        var reply = await _purchase.RunAsync(connection?.GetDatabase() ?? Db, shard, holdId, customer, RecordedTraceParent());
        if (reply.Outcome == PurchaseOutcome.Purchased && connection is not null)
        {
            // A repeat waits too, but a repeat writes nothing: it cannot prove the first purchase was replicated.
            await replicas.WaitAsync(connection, keys.Holds(shard), holdId);
        }

        return reply.Outcome switch
        {
            PurchaseOutcome.Purchased => HoldCodec.Parse(holdId, reply.Hold),
            PurchaseOutcome.Expired => HoldErrors.HoldExpired,
            PurchaseOutcome.Released => HoldErrors.HoldReleased,
            _ => HoldErrors.NotFound,
        };
    }

    public async Task<Result<Hold>> ExtendAsync(ExtendRequest request, CancellationToken cancellationToken) =>
        keys.ShardOfHold(request.HoldId) is { } shard
            ? await _extend.RunAsync(Db, shard, request)
            : HoldErrors.NotFound;

    public async Task<Result<Unit>> ReleaseAsync(Guid holdId, CustomerId customer, CancellationToken cancellationToken)
    {
        if (keys.ShardOfHold(holdId) is not { } shard)
        {
            return HoldErrors.NotFound;
        }

        return await _release.RunAsync(Db, shard, holdId, customer) switch
        {
            ReleaseReply.Finished => Unit.Value,
            ReleaseReply.AlreadyPurchased => HoldErrors.AlreadyPurchased,
            _ => HoldErrors.NotFound,
        };
    }

    public int Shards => keys.Shards;

    public async Task<ShardExpiry> ExpireDueAsync(int shard, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(shard, keys.Shards);
        var delays = new List<TimeSpan>();
        var quarantined = new List<QuarantinedHold>();
        ExpireReply reply;
        do
        {
            cancellationToken.ThrowIfCancellationRequested();
            reply = await _expire.RunAsync(Db, shard, ExpireBatch);
            delays.AddRange(reply.Delays);
            quarantined.AddRange(reply.Quarantined);
        }
        while (reply.More);

        return new ShardExpiry(delays, quarantined);
    }

    public async Task<Hold?> FindAsync(Guid holdId, CancellationToken cancellationToken) =>
        keys.ShardOfHold(holdId) is { } shard ? await _read.RunAsync(Db, shard, holdId) : null;

    public Task<AdjustmentApplication> ApplyAdjustmentAsync(StockAdjustment adjustment, CancellationToken cancellationToken) =>
        _adjust.RunAsync(Db, adjustment);

    // The purchase request's span, when this process traces and the span is recorded: the Worker persists the order as
    // its child. Without tracing, ASP.NET Core's request activity still takes a caller's sampled flag, but is never exported.
    private static RedisValue RecordedTraceParent() =>
        ReservationsTracing.Source.HasListeners()
        && Activity.Current is { Recorded: true, IdFormat: ActivityIdFormat.W3C } activity ? activity.Id : RedisValue.EmptyString;

    /// <summary>Sends what is queued and answers every reserve taken before it returns.</summary>
    public ValueTask DisposeAsync() => _reserves.DisposeAsync();

    private static ShardBatcher<ReserveCall, ReserveReply> ReserveBatcher(IConnectionMultiplexer redis, RedisKeys keys)
    {
        var script = new ReserveScript(keys);
        return new(keys.Shards, (shard, calls) => script.RunAsync(redis.GetDatabase(), shard, calls));
    }
}
