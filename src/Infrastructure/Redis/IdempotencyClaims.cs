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

    /// <summary>
    /// Claims the key for the request unless it is claimed already: false when the claim is another request's.
    /// </summary>
    /// <remarks>
    /// The claim is not given back when the reserve fails or never runs (a timeout, a crash between the two steps):
    /// giving it back could free the key while a concurrent retry of the same request takes the hold. It stays the
    /// request's until it expires, so the same request retried with the key takes the hold then (its shard has no record
    /// of one), and another request with the key answers 422.
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
