namespace Reservations.Application.Products.WarmUp;

public sealed record WarmUpInventoryResult(int Products, int Created, IReadOnlyList<int> LostShards)
{
    public static readonly WarmUpInventoryResult Skipped = new(0, 0, []);
}
