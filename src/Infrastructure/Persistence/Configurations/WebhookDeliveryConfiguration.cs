using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Domain.Webhooks;
using Reservations.Infrastructure.Persistence.Webhooks;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> builder)
    {
        builder.ToTable("webhook_deliveries", t =>
        {
            t.HasCheckConstraint("ck_webhook_deliveries_status", "status IN ('Pending', 'Delivered', 'Failed')");
            t.HasCheckConstraint("ck_webhook_deliveries_attempts", "attempts >= 0");
        });
        builder.HasKey(d => d.Id).HasName("pk_webhook_deliveries");
        builder.Property(d => d.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(d => d.EventId).HasColumnName("event_id");
        builder.HasOne<WebhookEventRecord>().WithMany().HasForeignKey(d => d.EventId)
            .HasConstraintName("fk_webhook_deliveries_events").OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.EndpointId).HasColumnName("endpoint_id");
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId)
            .HasConstraintName("fk_webhook_deliveries_endpoints").OnDelete(DeleteBehavior.Cascade);
        builder.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Attempts).HasColumnName("attempts");
        builder.Property(d => d.NextAttemptAt).HasColumnName("next_attempt_at");
        builder.Property(d => d.GiveUpAt).HasColumnName("give_up_at");
        builder.Property(d => d.LastAttemptAt).HasColumnName("last_attempt_at");
        builder.Property(d => d.LastStatusCode).HasColumnName("last_status_code");
        builder.Property(d => d.LastError).HasColumnName("last_error").HasMaxLength(500);
        builder.Property(d => d.DeliveredAt).HasColumnName("delivered_at");
        builder.Property(d => d.LeaseToken).HasColumnName("lease_token");
        builder.Property(d => d.LeaseUntil).HasColumnName("lease_until");
        builder.Property(d => d.CreatedAt).HasColumnName("created_at");
        // One delivery per event and endpoint: the fan-out may run twice (two Workers, a crash) without duplicates.
        builder.HasIndex(d => new { d.EventId, d.EndpointId }).HasDatabaseName("ux_webhook_deliveries_event_endpoint").IsUnique();
        // GET …/deliveries lists one endpoint's deliveries, newest first.
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt }).HasDatabaseName("ix_webhook_deliveries_endpoint_created_at")
            .IsDescending(false, true);
        // The Worker's pruning removes settled deliveries by age; pending ones are never pruned.
        builder.HasIndex(d => d.CreatedAt, "ix_webhook_deliveries_settled_created_at").HasFilter("status <> 'Pending'");
        // The dispatcher claims the pending ones that are due.
        builder.HasIndex(d => new { d.EndpointId, d.NextAttemptAt }).HasDatabaseName("ix_webhook_deliveries_due")
            .HasFilter("status = 'Pending'");
    }
}
