namespace Reservations.Application.Products.WarmUp;

/// <summary>Products seen, states created, and the shards whose marker was missing (all of them on a fresh Redis).</summary>
public sealed record WarmUpInventoryResult(int Products, int Created, IReadOnlyList<int> LostShards)
{
    public static readonly WarmUpInventoryResult Skipped = new(0, 0, []);
}
