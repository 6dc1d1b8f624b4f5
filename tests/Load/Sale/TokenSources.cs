namespace Reservations.Load.Sale;

public static class TokenSources
{
    /// <summary>Tokens signed here when a signing key is given; otherwise minted by the API's <c>/api/dev/tokens</c>.</summary>
    public static ITokenSource For(SaleOptions options, HttpClient http) =>
        options.SigningKey is { } key ? new LocalTokenSigner(key, options.Issuer, options.Audience) : new SaleApi(http);
}
