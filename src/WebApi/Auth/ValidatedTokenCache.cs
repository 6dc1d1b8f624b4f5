using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace Reservations.WebApi.Auth;

/// <summary>
/// Remembers valid tokens by their exact text until they expire, so a customer's next calls skip parsing and the HMAC;
/// any other text is validated afresh, and from its <c>exp</c> on <paramref name="inner"/> decides again. When
/// <paramref name="capacity"/> is reached the expired are dropped; if that frees nothing, new tokens go unremembered.
/// The validation parameters are the scheme's own and do not change while the process runs.
/// </summary>
internal sealed class ValidatedTokenCache(TokenHandler inner, int capacity, TimeProvider time) : TokenHandler
{
    private readonly ConcurrentDictionary<string, TokenValidationResult> _valid = new(StringComparer.Ordinal);
    private int _count;
    private int _sweeping;

    public int Count => Volatile.Read(ref _count);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_valid.TryGetValue(token, out var known))
        {
            if (known.SecurityToken.ValidTo > now)
            {
                return CopyOf(known);
            }

            Forget(token, known);
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result is { IsValid: true, SecurityToken: { } validated } && validated.ValidTo > now)
        {
            Remember(token, result, now);
        }

        return result;
    }

    // Each request gets its own identity, so nothing one request adds to it is seen by the next.
    private static TokenValidationResult CopyOf(TokenValidationResult known) => new()
    {
        IsValid = true,
        SecurityToken = known.SecurityToken,
        ClaimsIdentity = known.ClaimsIdentity.Clone(),
        Issuer = known.Issuer,
        TokenType = known.TokenType,
    };

    private void Remember(string token, TokenValidationResult result, DateTime now)
    {
        if (Count >= capacity)
        {
            DropExpired(now);
            if (Count >= capacity)
            {
                return;
            }
        }

        // The identity is built now, once, for the copies.
        _ = result.ClaimsIdentity;
        if (_valid.TryAdd(token, result))
        {
            Interlocked.Increment(ref _count);
        }
    }

    private void Forget(string token, TokenValidationResult known)
    {
        if (_valid.TryRemove(new KeyValuePair<string, TokenValidationResult>(token, known)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    // One sweep at a time; a call that finds one running does not wait for it.
    private void DropExpired(DateTime now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        foreach (var (token, known) in _valid)
        {
            if (known.SecurityToken.ValidTo <= now)
            {
                Forget(token, known);
            }
        }

        Volatile.Write(ref _sweeping, 0);
    }
}
