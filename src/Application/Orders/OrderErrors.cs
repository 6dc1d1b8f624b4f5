using Reservations.Application.Common.Results;

namespace Reservations.Application.Orders;

public static class OrderErrors
{
    public static readonly Error NotFound = new("order-not-found", ErrorKind.NotFound);
}
