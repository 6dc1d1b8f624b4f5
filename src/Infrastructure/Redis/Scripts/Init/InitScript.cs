using System.Globalization;
using Reservations.Application.Products;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Init;

/// <summary>init.lua: creates a product's gate state (and its customers' tallies) unless it exists.</summary>
internal sealed class InitScript(RedisKeys keys)
{
    private static readonly BatchScript Script = BatchScript.Load("init");

    /// <summary>True when the stock was created, false when it existed (only the terms were refreshed).</summary>
    public async Task<bool> RunAsync(IDatabase db, InventoryItem item)
    {
        var shard = keys.ShardOf(item.ProductId);
        var values = new RedisValue[4 + item.PurchasedByCustomer.Count * 2];
        values[0] = RedisKeys.ProductField(item.ProductId);
        values[1] = item.Available;
        values[2] = Terms(item);
        values[3] = item.TermsVersion;
        var at = 4;
        foreach (var (customer, units) in item.PurchasedByCustomer)
        {
            values[at++] = customer;
            values[at++] = units;
        }

        var created = await Script.EvaluateAsync(db, [keys.Stock(shard), keys.Catalog(shard), keys.Tally(shard)], values);
        return (int)created == 1;
    }

    /// <summary>
    /// The product's terms as parse_terms in lib.lua reads them: the price last, since nothing bounds its text; a sale as
    /// "s:&lt;sale&gt;|" before paused, which the scripts before carts refuse rather than misread.
    /// </summary>
    public static string Terms(InventoryItem item) => string.Create(CultureInfo.InvariantCulture,
        $"{item.HoldSeconds}|{item.MaxPerCustomer}|{item.MaxHoldSeconds}|{item.SalesOpenAt?.ToUnixTimeMilliseconds()}|{item.SalesCloseAt?.ToUnixTimeMilliseconds()}|{(item.SaleId is { } sale ? $"s:{sale}|" : "")}{(item.Paused ? 1 : 0)}|{item.Price}");
}
