using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Infrastructure.Persistence.Payments;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class CheckoutConfiguration : IEntityTypeConfiguration<CheckoutRecord>
{
    public void Configure(EntityTypeBuilder<CheckoutRecord> builder)
    {
        builder.ToTable("checkouts");
        builder.HasKey(c => c.ReservationId).HasName("pk_checkouts");
        builder.Property(c => c.ReservationId).HasColumnName("reservation_id").ValueGeneratedNever();
        builder.Property(c => c.CustomerId).HasColumnName("customer_id").HasMaxLength(200);
        builder.Property(c => c.SessionId).HasColumnName("session_id").HasMaxLength(255);
        builder.Property(c => c.Url).HasColumnName("url").HasMaxLength(2048);
        builder.Property(c => c.ExpiresAt).HasColumnName("expires_at");
    }
}

internal sealed class PaymentEventConfiguration : IEntityTypeConfiguration<PaymentEventRecord>
{
    public void Configure(EntityTypeBuilder<PaymentEventRecord> builder)
    {
        builder.ToTable("payment_events");
        builder.HasKey(e => e.Id).HasName("pk_payment_events");
        builder.Property(e => e.Id).HasColumnName("id").HasMaxLength(255);
        builder.Property(e => e.Type).HasColumnName("type").HasMaxLength(128);
        builder.Property(e => e.HandledAt).HasColumnName("handled_at");
    }
}

internal sealed class PaymentReferenceConfiguration : IEntityTypeConfiguration<PaymentReferenceRecord>
{
    public void Configure(EntityTypeBuilder<PaymentReferenceRecord> builder)
    {
        builder.ToTable("payments");
        builder.HasKey(p => p.ReservationId).HasName("pk_payments");
        builder.Property(p => p.ReservationId).HasColumnName("reservation_id").ValueGeneratedNever();
        builder.Property(p => p.SessionId).HasColumnName("session_id").HasMaxLength(255);
        builder.Property(p => p.PaymentIntentId).HasColumnName("payment_intent_id").HasMaxLength(255);
        builder.Property(p => p.Amount).HasColumnName("amount");
        builder.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(p => p.HeldAgainFrom).HasColumnName("held_again_from");
        builder.Property(p => p.PaidAt).HasColumnName("paid_at");
        // One payment buys one order: a second order for the same session would be a payment counted twice.
        builder.HasIndex(p => p.SessionId, "ux_payments_session_id").IsUnique();
    }
}

internal sealed class PaymentProblemConfiguration : IEntityTypeConfiguration<PaymentProblemRecord>
{
    public void Configure(EntityTypeBuilder<PaymentProblemRecord> builder)
    {
        builder.ToTable("payment_problems");
        builder.HasKey(p => p.Id).HasName("pk_payment_problems");
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.ReservationId).HasColumnName("reservation_id");
        builder.Property(p => p.SessionId).HasColumnName("session_id").HasMaxLength(255);
        builder.Property(p => p.PaymentIntentId).HasColumnName("payment_intent_id").HasMaxLength(255);
        builder.Property(p => p.Kind).HasColumnName("kind").HasMaxLength(64);
        builder.Property(p => p.Amount).HasColumnName("amount");
        builder.Property(p => p.Currency).HasColumnName("currency").HasMaxLength(3);
        builder.Property(p => p.RefundId).HasColumnName("refund_id").HasMaxLength(255);
        builder.Property(p => p.RefundStatus).HasColumnName("refund_status").HasMaxLength(500);
        builder.Property(p => p.Detail).HasColumnName("detail").HasMaxLength(1000);
        builder.Property(p => p.At).HasColumnName("at");
        // A problem is recorded once per session and kind, however often its event is delivered.
        builder.HasIndex(p => new { p.SessionId, p.Kind }, "ux_payment_problems_session_kind").IsUnique();
        builder.HasIndex(p => p.At, "ix_payment_problems_at").IsDescending();
    }
}
