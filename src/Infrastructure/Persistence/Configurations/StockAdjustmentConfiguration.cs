using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> builder)
    {
        builder.ToTable("stock_adjustments", t =>
        {
            t.HasCheckConstraint("ck_stock_adjustments_delta_not_zero", "delta <> 0");
            t.HasCheckConstraint("ck_stock_adjustments_status", "status IN ('Pending', 'Applied', 'Reverted')");
        });
        builder.HasKey(a => a.Id).HasName("pk_stock_adjustments");
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.ProductId).HasColumnName("product_id");
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId)
            .HasConstraintName("fk_stock_adjustments_products").OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Delta).HasColumnName("delta");
        builder.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(CustomerId.MaxLength);
        builder.Property(a => a.Reason).HasColumnName("reason").HasMaxLength(StockAdjustment.ReasonMaxLength);
        builder.Property(a => a.At).HasColumnName("at");
        builder.Property(a => a.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.IdempotencyKey).HasColumnName("idempotency_key").HasMaxLength(StockAdjustment.IdempotencyKeyMaxLength);
        builder.Property(a => a.ExpectedTotalStock).HasColumnName("expected_total_stock");
        // GET /api/products/{id}/adjustments lists one product's changes, newest first.
        builder.HasIndex(a => new { a.ProductId, a.At }).HasDatabaseName("ix_stock_adjustments_product_at").IsDescending(false, true);
        builder.HasIndex(a => new { a.ProductId, a.IdempotencyKey }).HasDatabaseName("ux_stock_adjustments_product_idempotency_key")
            .IsUnique().HasFilter("idempotency_key IS NOT NULL");
        // The Worker looks for adjustments left pending, oldest first; few are, so the index stays small.
        builder.HasIndex(a => a.At).HasDatabaseName("ix_stock_adjustments_pending_at").HasFilter("status = 'Pending'");
    }
}
