using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Infrastructure.Persistence.Webhooks;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEventRecord>
{
    public void Configure(EntityTypeBuilder<WebhookEventRecord> builder)
    {
        builder.ToTable("webhook_events");
        builder.HasKey(e => e.Id).HasName("pk_webhook_events");
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(e => e.Type).HasColumnName("type").HasMaxLength(64);
        builder.Property(e => e.CreatedAt).HasColumnName("created_at");
        builder.Property(e => e.Data).HasColumnName("data").HasColumnType("jsonb");
        builder.Property(e => e.FannedOutAt).HasColumnName("fanned_out_at");
        // The Worker's fan-out looks for the few events without deliveries yet, oldest first.
        builder.HasIndex(e => e.CreatedAt, "ix_webhook_events_not_fanned_out").HasFilter("fanned_out_at IS NULL");
        // The Worker's pruning removes fanned-out events by age.
        builder.HasIndex(e => e.CreatedAt, "ix_webhook_events_fanned_out_created_at").HasFilter("fanned_out_at IS NOT NULL");
    }
}
