namespace Reservations.WebApi.Protection;

/// <summary>Cross-origin calls are refused unless <c>Cors:AllowedOrigins</c> lists the browser origins to allow.</summary>
internal static class CorsSetup
{
    public const string Section = "Cors:AllowedOrigins";

    public static IServiceCollection AddReservationsCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(Section).Get<string[]>() ?? [];
        if (origins.Length > 0)
        {
            services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
                .WithOrigins(origins)
                .WithHeaders("Authorization", "Content-Type", "Idempotency-Key")
                .WithMethods("GET", "POST", "DELETE")
                .WithExposedHeaders("Location", "Retry-After")));
        }

        return services;
    }

    public static IApplicationBuilder UseReservationsCors(this WebApplication app) =>
        app.Configuration.GetSection(Section).Get<string[]>() is { Length: > 0 } ? app.UseCors() : app;
}
