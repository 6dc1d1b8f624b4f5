using Microsoft.EntityFrameworkCore;
using Reservations.Application.Webhooks;
using Reservations.Domain.Webhooks;

namespace Reservations.Infrastructure.Persistence.Webhooks;

internal sealed class WebhookEndpointStore(ReservationsDbContext db) : IWebhookEndpoints
{
    public async Task AddAsync(WebhookEndpoint endpoint, CancellationToken cancellationToken)
    {
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        db.Entry(endpoint).State = EntityState.Detached;
    }

    public async Task<IReadOnlyList<WebhookEndpointResponse>> ListAsync(CancellationToken cancellationToken) =>
        await Responses(db.WebhookEndpoints.AsNoTracking().OrderBy(e => e.CreatedAt).ThenBy(e => e.Id)).ToListAsync(cancellationToken);

    public async Task<WebhookEndpointResponse?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        await Responses(db.WebhookEndpoints.AsNoTracking().Where(e => e.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        await db.WebhookEndpoints.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<(IReadOnlyList<WebhookDeliveryResponse> Items, int Total)?> ListDeliveriesAsync(
        Guid endpointId, int page, int pageSize, CancellationToken cancellationToken)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, cancellationToken))
        {
            return null;
        }

        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);
        var total = await deliveries.CountAsync(cancellationToken);
        var items = await Responses(deliveries.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<WebhookDeliveryResponse?> RetryDeliveryAsync(
        Guid endpointId, Guid deliveryId, TimeSpan retryWindow, CancellationToken cancellationToken)
    {
        // One statement: the delivery due now with a fresh window, and its endpoint enabled again. A lease held is kept:
        // a delivery in flight is claimed again only once that attempt is recorded or its lease runs out, never twice at once.
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH retried AS (
                UPDATE webhook_deliveries
                SET status = {nameof(WebhookDeliveryStatus.Pending)}, next_attempt_at = now(), give_up_at = now() + {retryWindow}
                WHERE id = {deliveryId} AND endpoint_id = {endpointId}
                RETURNING endpoint_id)
            UPDATE webhook_endpoints e SET disabled_at = NULL, disabled_reason = NULL
            FROM retried r WHERE e.id = r.endpoint_id
            """, cancellationToken);
        return changed == 0
            ? null
            : await Responses(db.WebhookDeliveries.AsNoTracking().Where(d => d.Id == deliveryId)).SingleAsync(cancellationToken);
    }

    private static IQueryable<WebhookEndpointResponse> Responses(IQueryable<WebhookEndpoint> endpoints) =>
        endpoints.Select(e => new WebhookEndpointResponse(
            e.Id, e.Url, e.Events, e.Description, e.CreatedAt, e.DisabledAt == null, e.DisabledAt, e.DisabledReason));

    private IQueryable<WebhookDeliveryResponse> Responses(IQueryable<WebhookDeliveryRecord> deliveries) =>
        deliveries.Join(db.WebhookEvents, d => d.EventId, e => e.Id, (d, e) => new WebhookDeliveryResponse(
            d.Id, d.EventId, e.Type, d.Status, d.Attempts, d.CreatedAt,
            d.Status == WebhookDeliveryStatus.Pending ? d.NextAttemptAt : null,
            d.LastAttemptAt, d.LastStatusCode, d.LastError, d.DeliveredAt));
}
