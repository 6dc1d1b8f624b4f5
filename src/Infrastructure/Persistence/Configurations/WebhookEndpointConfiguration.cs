using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Domain.Webhooks;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints", t => t.HasCheckConstraint("ck_webhook_endpoints_events_not_empty", "cardinality(events) > 0"));
        builder.HasKey(e => e.Id).HasName("pk_webhook_endpoints");
        builder.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(e => e.Url).HasColumnName("url").HasMaxLength(WebhookEndpoint.UrlMaxLength);
        builder.Property(e => e.Events).HasColumnName("events");
        builder.Property(e => e.Description).HasColumnName("description").HasMaxLength(WebhookEndpoint.DescriptionMaxLength);
        builder.Property(e => e.Secret).HasColumnName("secret").HasMaxLength(64);
        builder.Property(e => e.CreatedAt).HasColumnName("created_at");
        builder.Property(e => e.DisabledAt).HasColumnName("disabled_at");
        builder.Property(e => e.DisabledReason).HasColumnName("disabled_reason").HasMaxLength(WebhookEndpoint.DisabledReasonMaxLength);
    }
}
