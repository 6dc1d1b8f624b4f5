using Reservations.Application.Products;

namespace Reservations.Worker.Metrics;

public sealed record ProductSample(Guid ProductId, string Sku, GateStock Stock, int Sold);
