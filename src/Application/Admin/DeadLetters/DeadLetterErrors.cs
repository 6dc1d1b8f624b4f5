using Reservations.Application.Common.Results;

namespace Reservations.Application.Admin.DeadLetters;

public static class DeadLetterErrors
{
    public static readonly Error NotFound = new("dead-letter-not-found", ErrorKind.NotFound);
}
