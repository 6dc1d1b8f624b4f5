using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;
using Reservations.Domain.Purchases;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> builder)
    {
        builder.ToTable("purchases", t =>
        {
            t.HasCheckConstraint("ck_purchases_quantity_positive", "quantity > 0");
            t.HasCheckConstraint("ck_purchases_line_not_negative", "line >= 0");
        });
        // One row per line of an order: a cart's lines share the order's id.
        builder.HasKey(p => new { p.Id, p.Line }).HasName("pk_purchases");
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.Line).HasColumnName("line").ValueGeneratedNever();
        builder.Property(p => p.ProductId).HasColumnName("product_id");
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId)
            .HasConstraintName("fk_purchases_products").OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.CustomerId).HasColumnName("customer_id").HasMaxLength(CustomerId.MaxLength);
        builder.Property(p => p.Quantity).HasColumnName("quantity");
        builder.Property(p => p.UnitPrice).HasColumnName("unit_price").HasPrecision(12, 2);
        builder.Property(p => p.PurchasedAt).HasColumnName("purchased_at");
        builder.Property(p => p.ReservedAt).HasColumnName("reserved_at");
        builder.Property(p => p.ExpiresAt).HasColumnName("expires_at");
        // GET /api/orders lists one customer's orders, newest first.
        builder.HasIndex(p => new { p.CustomerId, p.PurchasedAt }).HasDatabaseName("ix_purchases_customer_purchased_at")
            .IsDescending(false, true);
        builder.HasIndex(p => p.ProductId).HasDatabaseName("ix_purchases_product_id");
    }
}
