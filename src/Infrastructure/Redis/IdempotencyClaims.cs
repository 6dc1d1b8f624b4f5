using System.Globalization;
using System.Text;
using Reservations.Application.Common.Ports;
using Reservations.Infrastructure.Redis.Scripts.Reserve;
using StackExchange.Redis;

namespace Reservations.Infrastructure.Redis;

/// <summary>
/// Binds a customer's idempotency key to one request (its products and quantities) across every shard, before the reserve runs
/// in the product's shard (docs/decisions/008). The product's shard keeps the key's record with the hold it took and
/// replays it; the claim keeps the key from taking a hold on a product of another shard.
/// </summary>
internal sealed class IdempotencyClaims(RedisKeys keys)
{
    public static readonly TimeSpan Ttl = TimeSpan.FromHours(24);

    /// <summary>False when the key is claimed by another request.</summary>
    /// <remarks>
    /// Never given back when the reserve fails or never runs (a timeout, a crash between the two steps): that could free the
    /// key while a concurrent retry of the same request takes the hold. The same request retried takes the hold (its shard
    /// has no record of one); another request with the key answers 422 until the claim expires.
    /// </remarks>
    public async Task<bool> TryClaimAsync(IDatabase db, ReserveRequest request, string idempotencyKey)
    {
        var fingerprint = Fingerprint(request);
        var claimed = await db.StringSetAndGetAsync(
            keys.IdempotencyClaim(request.Customer.Value, idempotencyKey), fingerprint, expiry: Ttl, when: When.NotExists);
        return claimed.IsNull || claimed == fingerprint;
    }

    // What the request asks for, as reserve.lua writes it in the key's record: the products' fields back to back, '|',
    // their quantities comma-separated, then 's' and the hold seconds when the request chose them.
    private static RedisValue Fingerprint(ReserveRequest request) =>
        (byte[])[.. ReserveScript.Products(request), .. Encoding.ASCII.GetBytes(
            $"|{ReserveScript.Quantities(request)}{(request.HoldSeconds is { } s ? string.Create(CultureInfo.InvariantCulture, $"s{s}") : "")}")];
}
