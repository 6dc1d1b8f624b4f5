using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Reservations.Infrastructure.Persistence;

public static class DatabaseMigrator
{
    /// <summary>Applies pending EF Core migrations; the <c>migrate</c> step of every deployment runs it once.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ReservationsDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
