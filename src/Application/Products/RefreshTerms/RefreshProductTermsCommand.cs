using Mediator;

namespace Reservations.Application.Products.RefreshTerms;

/// <summary>Every product updated at or after <paramref name="UpdatedSince"/> (all when null); stock and holds are left
/// alone, and one that fails does not stop the others.</summary>
public sealed record RefreshProductTermsCommand(DateTimeOffset? UpdatedSince) : ICommand<TermsRefresh>;

public sealed record TermsRefresh(int Written, int Failed);
