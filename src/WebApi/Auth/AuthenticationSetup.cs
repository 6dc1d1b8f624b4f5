using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Reservations.Domain.Customers;

namespace Reservations.WebApi.Auth;

internal static class AuthenticationSetup
{
    public static IServiceCollection AddJwtAuthentication(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<DevTokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>, TimeProvider>((jwt, auth, time) =>
            {
                jwt.MapInboundClaims = false;
                RememberValidTokens(jwt, auth.Value.ValidatedTokens, time);
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthOptions.Issuer,
                    ValidAudience = AuthOptions.Audience,
                    IssuerSigningKey = DevTokenIssuer.SigningKey(auth.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RequireExpirationTime = true,
                    NameClaimType = Policies.SubjectClaim,
                    RoleClaimType = Policies.RoleClaim,
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = RequireValidSubject };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireRole(Policies.Admin))
            .AddPolicy(Policies.Customer, p => p.RequireAuthenticatedUser().RequireClaim(Policies.SubjectClaim));
        return services;
    }

    private static void RememberValidTokens(JwtBearerOptions jwt, int capacity, TimeProvider time)
    {
        if (capacity == 0)
        {
            return;
        }

        var validators = jwt.TokenHandlers.ToList();
        jwt.TokenHandlers.Clear();
        foreach (var validator in validators)
        {
            jwt.TokenHandlers.Add(new ValidatedTokenCache(validator, capacity, time));
        }
    }

    // A token without a usable customer id is no identity at all: 401, before any handler runs.
    private static Task RequireValidSubject(TokenValidatedContext context)
    {
        if (!CustomerId.IsValid(context.Principal?.FindFirst(Policies.SubjectClaim)?.Value))
        {
            context.Fail("The token's sub is missing or not a valid customer id.");
        }

        return Task.CompletedTask;
    }
}
