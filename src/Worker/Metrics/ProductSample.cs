using Reservations.Application.Products;

namespace Reservations.Worker.Metrics;

/// <summary>One product's figures as last sampled: its gate stock (Redis) and its sold units (the catalog).</summary>
public sealed record ProductSample(Guid ProductId, string Sku, GateStock Stock, int Sold);
