namespace Reservations.Load.Sale;

/// <summary>Where the sale's tokens come from: the API's <c>/api/dev/tokens</c>, or signed here with the API's key.</summary>
public interface ITokenSource
{
    Task<string> TokenAsync(string subject, params string[] roles);
}
