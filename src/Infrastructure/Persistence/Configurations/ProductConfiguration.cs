using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Domain.Products;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.ToTable("products", t =>
        {
            // Defence in depth: even a broken gate cannot oversell in the source of truth.
            t.HasCheckConstraint("ck_products_sold_not_negative", "sold >= 0");
            t.HasCheckConstraint("ck_products_sold_within_stock", "sold <= total_stock");
            t.HasCheckConstraint("ck_products_total_stock_not_negative", "total_stock >= 0");
            t.HasCheckConstraint("ck_products_max_hold_seconds", "max_hold_seconds >= hold_seconds AND max_hold_seconds <= 86400");
            t.HasCheckConstraint("ck_products_sales_window", "sales_close_at IS NULL OR sales_open_at IS NULL OR sales_close_at > sales_open_at");
        });
        builder.HasKey(p => p.Id).HasName("pk_products");
        builder.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(p => p.Sku).HasColumnName("sku").HasMaxLength(Sku.MaxLength);
        builder.HasIndex(p => p.Sku).IsUnique().HasDatabaseName("ux_products_sku");
        builder.Property(p => p.Name).HasColumnName("name").HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.Price).HasColumnName("price").HasPrecision(12, 2);
        builder.Property(p => p.TotalStock).HasColumnName("total_stock");
        builder.Property(p => p.Sold).HasColumnName("sold");
        builder.Property(p => p.MaxPerCustomer).HasColumnName("max_per_customer");
        builder.Property(p => p.HoldSeconds).HasColumnName("hold_seconds");
        builder.Property(p => p.MaxHoldSeconds).HasColumnName("max_hold_seconds");
        builder.Property(p => p.SalesOpenAt).HasColumnName("sales_open_at");
        builder.Property(p => p.SalesCloseAt).HasColumnName("sales_close_at");
        builder.Property(p => p.Paused).HasColumnName("paused");
        builder.Property(p => p.SaleId).HasColumnName("sale_id").HasMaxLength(Product.SaleIdMaxLength);
        builder.Property(p => p.CreatedAt).HasColumnName("created_at");
        builder.Property(p => p.UpdatedAt).HasColumnName("updated_at");
        builder.Property(p => p.TermsVersion).HasColumnName("terms_version").HasDefaultValue(1L);
        builder.Ignore(p => p.Unsold);
        builder.Ignore(p => p.Terms);
        // The Worker's terms refresh reads the products updated since its last pass.
        builder.HasIndex(p => p.UpdatedAt).HasDatabaseName("ix_products_updated_at");
    }
}
