using Reservations.Application.Products;
using Reservations.Infrastructure.Redis.Scripts.Init;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis.Scripts.Terms;

/// <summary>terms.lua: writes a product's terms unless the gate has a later version of them.</summary>
internal sealed class TermsScript(RedisKeys keys)
{
    private static readonly BatchScript Script = BatchScript.Load("terms");

    /// <summary>True when written, false when the gate's terms were later (this writer read the product before an edit).</summary>
    public async Task<bool> RunAsync(IDatabase db, InventoryItem item)
    {
        var written = await Script.EvaluateAsync(
            db, [keys.Catalog(keys.ShardOf(item.ProductId))],
            [RedisKeys.ProductField(item.ProductId), InitScript.Terms(item), item.TermsVersion]);
        return (int)written == 1;
    }
}
