namespace Reservations.Application.Products.Create;

public interface IProductIds
{
    /// <summary>A new time-ordered id; with <paramref name="saleId"/>, one whose gate shard is the sale's, so that
    /// every product of a sale lives in one shard and a cart of them is held in one atomic step.</summary>
    Guid NewProductId(string? saleId, DateTimeOffset now);
}
