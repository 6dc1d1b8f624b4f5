using Reservations.Application.Products.Create;

namespace Reservations.Infrastructure.Redis;

/// <summary>Draws version 7 ids until one falls in the sale's shard: about <see cref="RedisKeys.Shards"/> tries.</summary>
internal sealed class RedisProductIds(RedisKeys keys) : IProductIds
{
    public Guid NewProductId(string? saleId, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        if (saleId is null)
        {
            return id;
        }

        var shard = keys.ShardOfSale(saleId);
        while (keys.ShardOf(id) != shard)
        {
            id = Guid.CreateVersion7(now);
        }

        return id;
    }
}
