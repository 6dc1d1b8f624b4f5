using System.Net;
using Npgsql;
using Reservations.Application.Webhooks;
using Reservations.IntegrationTests.Fixtures;

namespace Reservations.IntegrationTests.Webhooks;

/// <summary>The Worker removes settled deliveries and their events once older than Webhooks:Delivery:Keep, and nothing else.</summary>
public sealed class WebhookPruningTests(ReservationsApiFactory api) : IClassFixture<ReservationsApiFactory>
{
    [Fact]
    public async Task SettledDeliveriesOlderThanKeep_AndTheirEvents_AreRemoved_PendingAndRecentOnesStay()
    {
        var endpoint = await (await api.CreateClient(Tokens.Admin()).CreateWebhookAsync("http://127.0.0.1:9/prune", WebhookEventTypes.HoldReleased))
            .ShouldBeJsonAsync<Application.Webhooks.Create.CreatedWebhookEndpointResponse>(HttpStatusCode.Created);
        await using var connection = new NpgsqlConnection(api.PostgresConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        var (oldDelivered, oldFailed, oldPending, recentDelivered) =
            (await AddAsync(connection, endpoint.Id, "Delivered", 8), await AddAsync(connection, endpoint.Id, "Failed", 8),
             await AddAsync(connection, endpoint.Id, "Pending", 8), await AddAsync(connection, endpoint.Id, "Delivered", 2));

        var worker = await TestWorker.StartAsync(api, WebhookWorkerSettings.With(("Webhooks:Delivery:PruneInterval", "00:00:00.5")));
        try
        {
            await Eventually.TrueAsync(async () => !await ExistsAsync(connection, "webhook_events", oldDelivered.Event)
                && !await ExistsAsync(connection, "webhook_events", oldFailed.Event), TimeSpan.FromSeconds(20));
        }
        finally
        {
            await TestWorker.StopAsync(worker);
        }

        (await ExistsAsync(connection, "webhook_deliveries", oldDelivered.Delivery)).Should().BeFalse();
        (await ExistsAsync(connection, "webhook_deliveries", oldFailed.Delivery)).Should().BeFalse();
        (await ExistsAsync(connection, "webhook_deliveries", oldPending.Delivery)).Should().BeTrue("a pending delivery is never pruned");
        (await ExistsAsync(connection, "webhook_events", oldPending.Event)).Should().BeTrue("its delivery still needs it");
        (await ExistsAsync(connection, "webhook_deliveries", recentDelivered.Delivery)).Should().BeTrue("kept for Webhooks:Delivery:Keep (7 days)");
        (await ExistsAsync(connection, "webhook_events", recentDelivered.Event)).Should().BeTrue();
    }

    // An event fanned out to the endpoint and its delivery in the given status, both made that many days ago; a pending
    // one is not due for a day, so the Worker does not send it during the test.
    private static async Task<(Guid Event, Guid Delivery)> AddAsync(NpgsqlConnection connection, Guid endpointId, string status, int daysAgo)
    {
        var (eventId, deliveryId) = (Guid.NewGuid(), Guid.NewGuid());
        await using var command = new NpgsqlCommand("""
            INSERT INTO webhook_events (id, type, created_at, data, fanned_out_at)
            VALUES (@event, 'hold.released', now() - make_interval(days => @days), '{}', now() - make_interval(days => @days));
            INSERT INTO webhook_deliveries (id, event_id, endpoint_id, status, attempts, next_attempt_at, give_up_at, created_at)
            VALUES (@delivery, @event, @endpoint, @status, 1, now() + interval '1 day', now() + interval '2 days',
                    now() - make_interval(days => @days));
            """, connection);
        command.Parameters.AddWithValue("event", eventId);
        command.Parameters.AddWithValue("delivery", deliveryId);
        command.Parameters.AddWithValue("endpoint", endpointId);
        command.Parameters.AddWithValue("status", status);
        command.Parameters.AddWithValue("days", daysAgo);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return (eventId, deliveryId);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string table, Guid id)
    {
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 1;
    }
}
