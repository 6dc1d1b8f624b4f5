using Reservations.Application.Holds;
using Reservations.Worker;
using StackExchange.Redis;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Redis publishes a key's <c>expired</c> event only when it deletes the key: at once when the key is read after its
/// TTL, but by its background sampling only eventually (tens of seconds with many volatile keys). Tests of the event
/// path read the expiry markers of the holds' buckets once they are due, so that the event comes when Redis promises it.
/// </summary>
public static class ExpiryKeys
{
    /// <summary>The second whose bucket a hold due at this time is in, and whose marker expires when it is due.</summary>
    public static long BucketSecond(DateTimeOffset deadline) => (deadline.ToUnixTimeMilliseconds() + 999) / 1000;

    /// <summary>When the hold's bucket is due: the end of the second it is due in.</summary>
    public static DateTimeOffset BucketDue(DateTimeOffset deadline) => DateTimeOffset.FromUnixTimeSeconds(BucketSecond(deadline));

    /// <summary>The shard's bucket of the holds due by this second (a list the scripts name; RedisKeys has no name for it).</summary>
    public static RedisKey Bucket(this ReservationsApiFactory api, int shard, long second) => $"{api.KeyPrefix}:{{s{shard}}}:b:{second}";

    /// <summary>Waits until the holds' buckets are due, then reads their markers until Redis has deleted every one.</summary>
    public static async Task ExpireDueKeysAsync(this ReservationsApiFactory api, params ReservationResponse[] holds)
    {
        var keys = holds
            .Select(h => api.Keys.ExpiryMarker(api.Keys.ShardOfHold(h.Id)!.Value, BucketSecond(h.ExpiresAt)))
            .Distinct()
            .ToList();
        var due = holds.Max(h => BucketDue(h.ExpiresAt));
        await Eventually.TrueAsync(async () =>
        {
            if (DateTimeOffset.UtcNow < due)
            {
                return false;
            }

            var exists = await Task.WhenAll(keys.Select(key => api.Redis.KeyExistsAsync(key)));
            return !exists.Any(e => e);
        }, due - DateTimeOffset.UtcNow + WorkerOptions.ReleaseMargin);
    }
}
