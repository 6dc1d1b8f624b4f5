using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Reservations.WebApi.Auth;

namespace Reservations.UnitTests.WebApi.Auth;

public class ValidatedTokenCacheTests
{
    private const string Key = "a-signing-key-of-at-least-thirty-two-bytes";
    private const string OtherKey = "another-signing-key-of-at-least-thirty-two-bytes";

    private readonly CountingHandler _inner = new();
    private readonly ManualTime _time = new();
    private readonly TokenValidationParameters _parameters = new()
    {
        ValidIssuer = "issuer",
        ValidAudience = "audience",
        IssuerSigningKey = SigningKey(Key),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.Zero,
    };

    [Fact]
    public async Task AValidToken_IsValidatedOnce_AndEachCallGetsItsOwnIdentity()
    {
        var cache = new ValidatedTokenCache(_inner, capacity: 10, _time);
        var token = Token("alice");

        var first = await cache.ValidateTokenAsync(token, _parameters);
        var second = await cache.ValidateTokenAsync(token, _parameters);

        first.IsValid.Should().BeTrue();
        second.IsValid.Should().BeTrue();
        second.ClaimsIdentity.FindFirst("sub")!.Value.Should().Be("alice");
        second.ClaimsIdentity.Should().NotBeSameAs(first.ClaimsIdentity);
        second.SecurityToken.ValidTo.Should().Be(first.SecurityToken.ValidTo);
        _inner.Calls.Should().Be(1);
    }

    [Fact]
    public async Task AnotherSignatureOrKey_IsRefused_WhileTheValidTokenIsRemembered()
    {
        var cache = new ValidatedTokenCache(_inner, capacity: 10, _time);
        var token = Token("alice");
        (await cache.ValidateTokenAsync(token, _parameters)).IsValid.Should().BeTrue();
        var signature = token[(token.LastIndexOf('.') + 1)..];
        var forged = token[..(token.LastIndexOf('.') + 1)] + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];

        (await cache.ValidateTokenAsync(forged, _parameters)).IsValid.Should().BeFalse();
        (await cache.ValidateTokenAsync(Token("alice", OtherKey), _parameters)).IsValid.Should().BeFalse();
        (await cache.ValidateTokenAsync(token, _parameters)).IsValid.Should().BeTrue();
        cache.Count.Should().Be(1);
    }

    [Fact]
    public async Task ARememberedToken_IsNotAnsweredFromMemoryOnceItExpired()
    {
        var cache = new ValidatedTokenCache(_inner, capacity: 10, _time);
        var token = Token("alice", lifetime: TimeSpan.FromMinutes(5));
        (await cache.ValidateTokenAsync(token, _parameters)).IsValid.Should().BeTrue();

        _time.Advance(TimeSpan.FromMinutes(5));
        await cache.ValidateTokenAsync(token, _parameters);

        _inner.Calls.Should().Be(2, "at its exp the token goes back to the real validation");
    }

    [Fact]
    public async Task AnExpiredToken_IsRefused_AfterAValidTokenOfTheSameCustomerWasRemembered()
    {
        var cache = new ValidatedTokenCache(_inner, capacity: 10, TimeProvider.System);
        (await cache.ValidateTokenAsync(Token("alice"), _parameters)).IsValid.Should().BeTrue();

        var expired = await cache.ValidateTokenAsync(Token("alice", lifetime: TimeSpan.FromMinutes(-1)), _parameters);

        expired.IsValid.Should().BeFalse();
        expired.Exception.Should().BeOfType<SecurityTokenExpiredException>();
    }

    [Fact]
    public async Task WhenFull_NewTokensAreStillValidated_ButNotRemembered_UntilRememberedOnesExpire()
    {
        var cache = new ValidatedTokenCache(_inner, capacity: 2, _time);
        await cache.ValidateTokenAsync(Token("a", lifetime: TimeSpan.FromMinutes(1)), _parameters);
        await cache.ValidateTokenAsync(Token("b", lifetime: TimeSpan.FromMinutes(10)), _parameters);
        var third = Token("c", lifetime: TimeSpan.FromMinutes(10));

        (await cache.ValidateTokenAsync(third, _parameters)).IsValid.Should().BeTrue();
        (await cache.ValidateTokenAsync(third, _parameters)).IsValid.Should().BeTrue();
        cache.Count.Should().Be(2);
        _inner.Calls.Should().Be(4, "the third token was validated both times");

        _time.Advance(TimeSpan.FromMinutes(2));
        await cache.ValidateTokenAsync(third, _parameters);
        await cache.ValidateTokenAsync(third, _parameters);

        cache.Count.Should().Be(2, "the expired token made room for the third");
        _inner.Calls.Should().Be(5);
    }

    private static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));

    private static string Token(string subject, string key = Key, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(30));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "issuer",
            Audience = "audience",
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            SigningCredentials = new SigningCredentials(SigningKey(key), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>The real validation, counting its calls.</summary>
    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

        public int Calls { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }
}
