namespace Reservations.Domain.Holds;

/// <summary>Where a hold is in its life: Held → Purchased → Completed (persisted), or Held → Released / Expired.
/// Released, Expired and Completed are final. The gate's scripts are the only writers of these transitions.</summary>
public enum HoldStatus
{
    Held,
    Purchased,
    Completed,
    Released,
    Expired,
}
