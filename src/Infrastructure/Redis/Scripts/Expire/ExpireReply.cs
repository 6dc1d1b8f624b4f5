using Reservations.Application.Reservations;

namespace Reservations.Infrastructure.Redis.Scripts.Expire;

/// <summary>
/// One expire.lua call: whether more holds may be due (it stopped at its batch), how late each hold it expired was, and
/// the holds it set aside in the quarantine stream.
/// </summary>
internal sealed record ExpireReply(bool More, IReadOnlyList<TimeSpan> Delays, IReadOnlyList<QuarantinedHold> Quarantined);
