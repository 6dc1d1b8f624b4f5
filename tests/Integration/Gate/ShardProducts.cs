using Reservations.Application.Products;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Gate;

/// <summary>Products that all land on one shard, so that their reserves can share a batch.</summary>
internal static class ShardProducts
{
    /// <summary>Creates products until one of each requested kind is on <paramref name="shard"/> (the first's, when null).</summary>
    public static async Task<(int Shard, ProductResponse[] Products)> CreateOnOneShardAsync(
        this ReservationsApiFactory api, int? shard, params (int Stock, int? MaxPerCustomer)[] kinds)
    {
        var products = new ProductResponse[kinds.Length];
        for (var i = 0; i < kinds.Length; i++)
        {
            for (var attempt = 0; products[i] is null; attempt++)
            {
                attempt.Should().BeLessThan(50 * api.Keys.Shards, "products spread over every shard");
                var product = await api.CreateProductAsync(kinds[i].Stock, kinds[i].MaxPerCustomer);
                shard ??= api.Keys.ShardOf(product.Id);
                if (api.Keys.ShardOf(product.Id) == shard)
                {
                    products[i] = product;
                }
            }
        }

        return (shard!.Value, products);
    }

    /// <summary>An id no product has, on the shard.</summary>
    public static Guid UnknownProductOn(this ReservationsApiFactory api, int shard)
    {
        while (true)
        {
            var id = Guid.NewGuid();
            if (api.Keys.ShardOf(id) == shard)
            {
                return id;
            }
        }
    }
}
