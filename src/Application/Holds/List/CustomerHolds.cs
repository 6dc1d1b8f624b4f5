using Reservations.Domain.Holds;

namespace Reservations.Application.Holds.List;

/// <summary>A customer's newest holds, newest first, and how many of their holds matched in all.</summary>
public sealed record CustomerHolds(IReadOnlyList<Hold> Newest, int Total);
