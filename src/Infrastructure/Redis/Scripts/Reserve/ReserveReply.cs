using Reservations.Application.Common.Results;
using Reservations.Domain.Reservations;

namespace Reservations.Infrastructure.Redis.Scripts.Reserve;

/// <summary>
/// What reserve.lua answered one request of a batch: the outcome a lone request would have had, or why the script could
/// not decide it (its own data was unusable; the other requests of the batch went on).
/// </summary>
internal readonly record struct ReserveReply(Result<Hold>? Outcome = null, string? Invalid = null)
{
    public Result<Hold> ToResult() =>
        Outcome ?? throw new InvalidOperationException($"The reserve script could not decide the request: {Invalid}.");
}
