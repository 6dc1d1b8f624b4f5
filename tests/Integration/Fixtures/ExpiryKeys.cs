using Reservations.Application.Reservations;
using Reservations.Worker;

namespace Reservations.IntegrationTests.Fixtures;

/// <summary>
/// Redis publishes a key's <c>expired</c> event only when it deletes the key: at once when the key is read after its
/// TTL, but by its background sampling only eventually (tens of seconds with many volatile keys). Tests of the event
/// path read the holds' expiry keys once they are due, so that the event comes when Redis promises it.
/// </summary>
public static class ExpiryKeys
{
    /// <summary>Waits for the holds' deadlines, then reads their expiry keys until Redis has deleted every one.</summary>
    public static async Task ExpireDueKeysAsync(this ReservationsApiFactory api, params ReservationResponse[] holds)
    {
        var keys = holds.Select(h => api.Keys.HoldTtl(api.Keys.ShardOfHold(h.Id)!.Value, h.Id)).ToList();
        var due = holds.Max(h => h.ExpiresAt);
        await Eventually.TrueAsync(async () =>
        {
            if (DateTimeOffset.UtcNow <= due)
            {
                return false;
            }

            var exists = await Task.WhenAll(keys.Select(key => api.Redis.KeyExistsAsync(key)));
            return !exists.Any(e => e);
        }, due - DateTimeOffset.UtcNow + WorkerOptions.ReleaseMargin);
    }
}
