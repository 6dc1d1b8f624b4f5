using Mediator;

namespace Reservations.Application.Products.RefreshTerms;

/// <summary>
/// Writes the gate's terms again from PostgreSQL for every product updated at or after <paramref name="UpdatedSince"/>
/// (every product when null); stock and holds are left alone. Answers how many products it wrote.
/// </summary>
public sealed record RefreshProductTermsCommand(DateTimeOffset? UpdatedSince) : ICommand<int>;
