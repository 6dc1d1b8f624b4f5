using Reservations.Domain.Products;

namespace Reservations.UnitTests.Application.Products;

internal static class TestProducts
{
    public static Product Create(string sku = "TICKET-1", int stock = 10, decimal price = 49.90m, int? maxPerCustomer = 2, int holdSeconds = 300) =>
        Product.Create(Guid.CreateVersion7(), Sku.From(sku), "Ticket " + sku, Money.From(price), stock, maxPerCustomer,
            HoldDuration.FromSeconds(holdSeconds), DateTimeOffset.UtcNow);

    // Only EF Core materialization sets Sold (the domain has no method for it yet), so tests set it the same way.
    public static Product WithSold(this Product product, int sold)
    {
        typeof(Product).GetProperty(nameof(Product.Sold))!.SetValue(product, sold);
        return product;
    }

    public static (IReadOnlyList<Product> Items, int Total) Page(int total, params Product[] items) => (items, total);
}
