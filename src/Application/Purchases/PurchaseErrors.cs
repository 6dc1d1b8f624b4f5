using Reservations.Application.Common.Results;

namespace Reservations.Application.Purchases;

public static class PurchaseErrors
{
    public static readonly Error NotFound = new("order-not-found", ErrorKind.NotFound);
}
