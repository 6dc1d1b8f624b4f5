namespace Reservations.Infrastructure.Redis.Scripts.Release;

/// <summary>What release.lua answered.</summary>
internal enum ReleaseReply
{
    /// <summary>The hold has ended: released or expired, now or before.</summary>
    Finished,

    AlreadyPurchased,

    /// <summary>No such hold of this customer.</summary>
    NotFound,
}
