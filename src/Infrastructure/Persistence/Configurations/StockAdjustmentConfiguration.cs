using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class StockAdjustmentConfiguration : IEntityTypeConfiguration<StockAdjustment>
{
    public void Configure(EntityTypeBuilder<StockAdjustment> builder)
    {
        builder.ToTable("stock_adjustments", t => t.HasCheckConstraint("ck_stock_adjustments_delta_not_zero", "delta <> 0"));
        builder.HasKey(a => a.Id).HasName("pk_stock_adjustments");
        builder.Property(a => a.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(a => a.ProductId).HasColumnName("product_id");
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId)
            .HasConstraintName("fk_stock_adjustments_products").OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Delta).HasColumnName("delta");
        builder.Property(a => a.Actor).HasColumnName("actor").HasMaxLength(CustomerId.MaxLength);
        builder.Property(a => a.Reason).HasColumnName("reason").HasMaxLength(StockAdjustment.ReasonMaxLength);
        builder.Property(a => a.At).HasColumnName("at");
        // GET /api/products/{id}/adjustments lists one product's changes, newest first.
        builder.HasIndex(a => new { a.ProductId, a.At }).HasDatabaseName("ix_stock_adjustments_product_at").IsDescending(false, true);
    }
}
