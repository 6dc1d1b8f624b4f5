namespace Reservations.Application.Products.WarmUp;

public sealed record WarmUpInventoryResult(int Products, int Created);
