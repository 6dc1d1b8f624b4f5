namespace Reservations.WebApi.Protection;

/// <summary>Endpoint metadata: calls also count against the customer's tighter bucket (<c>RateLimiting:Customer</c>).</summary>
internal sealed class PerCustomerLimit
{
    public static readonly PerCustomerLimit Instance = new();

    private PerCustomerLimit()
    {
    }
}
