using Mediator;

namespace Reservations.Application.Products.RefreshTerms;

/// <summary>Writes the gate's terms again from PostgreSQL for every product updated at or after
/// <paramref name="UpdatedSince"/> (every product when null); stock and holds are left alone. One product whose terms
/// cannot be written does not stop the others.</summary>
public sealed record RefreshProductTermsCommand(DateTimeOffset? UpdatedSince) : ICommand<TermsRefresh>;

/// <summary>How many products' terms were written, and how many could not be (logged; the next pass tries them again).</summary>
public sealed record TermsRefresh(int Written, int Failed);
