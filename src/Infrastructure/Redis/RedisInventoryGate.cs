using System.Globalization;
using Reservations.Application.Common.Ports;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

internal sealed class RedisInventoryGate(IConnectionMultiplexer redis, RedisKeys keys) : IInventoryGate
{
    private IDatabase Db => redis.GetDatabase();

    public async Task<bool> InitializeAsync(InventoryItem item, CancellationToken cancellationToken)
    {
        var shard = keys.ShardOf(item.ProductId);
        var created = await GateScripts.Init.EvaluateAsync(Db, new
        {
            availableKey = keys.Available(shard),
            catalogKey = keys.Catalog(shard),
            productId = (RedisValue)ProductField(item.ProductId),
            available = (RedisValue)item.Available,
            terms = (RedisValue)Terms(item),
        });
        return (int)created == 1;
    }

    public async Task<IReadOnlyDictionary<Guid, int>> GetAvailableAsync(
        IReadOnlyCollection<Guid> productIds, CancellationToken cancellationToken)
    {
        var lookups = productIds.Distinct()
            .Select(id => (Id: id, Value: Db.HashGetAsync(keys.Available(keys.ShardOf(id)), ProductField(id))))
            .ToList();
        await Task.WhenAll(lookups.Select(l => l.Value));
        return lookups.Where(l => !l.Value.Result.IsNull).ToDictionary(l => l.Id, l => (int)l.Value.Result);
    }

    internal static string ProductField(Guid productId) => productId.ToString("N");

    private static string Terms(InventoryItem item) => string.Create(
        CultureInfo.InvariantCulture, $"{item.HoldSeconds}|{item.MaxPerCustomer}|{item.Price}");
}
