using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Reservations.Domain.Customers;
using Reservations.Domain.Products;

namespace Reservations.Infrastructure.Persistence.Configurations;

internal sealed class ProductChangeConfiguration : IEntityTypeConfiguration<ProductChange>
{
    public void Configure(EntityTypeBuilder<ProductChange> builder)
    {
        builder.ToTable("product_changes");
        builder.HasKey(c => c.Id).HasName("pk_product_changes");
        builder.Property(c => c.Id).HasColumnName("id").ValueGeneratedNever();
        builder.Property(c => c.ProductId).HasColumnName("product_id");
        builder.HasOne<Product>().WithMany().HasForeignKey(c => c.ProductId)
            .HasConstraintName("fk_product_changes_products").OnDelete(DeleteBehavior.Restrict);
        builder.Property(c => c.Actor).HasColumnName("actor").HasMaxLength(CustomerId.MaxLength);
        builder.Property(c => c.Reason).HasColumnName("reason").HasMaxLength(ProductChange.ReasonMaxLength);
        builder.Property(c => c.At).HasColumnName("at");
        builder.Property(c => c.Changes).HasColumnName("changes").HasColumnType("jsonb");
        // GET /api/products/{id}/changes lists one product's edits, newest first.
        builder.HasIndex(c => new { c.ProductId, c.At }).HasDatabaseName("ix_product_changes_product_at").IsDescending(false, true);
    }
}
