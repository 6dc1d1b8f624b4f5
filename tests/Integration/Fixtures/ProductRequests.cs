namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Product bodies as a client sends them; a fresh SKU each call keeps tests independent.</summary>
public static class ProductRequests
{
    public static object Valid(
        int stock = 100, int? maxPerCustomer = null, int? holdSeconds = null, decimal price = 49.90m, int? maxHoldSeconds = null,
        string? saleId = null) => new
    {
        sku = NewSku(),
        name = "Concert ticket",
        price,
        stock,
        maxPerCustomer,
        holdSeconds,
        maxHoldSeconds,
        saleId,
    };

    public static string NewSku() => $"SKU-{Guid.NewGuid():N}"[..20];
}
