namespace Reservations.Application.Common.Results;

/// <summary>What pipeline behaviors can read of any <see cref="Result{T}"/>.</summary>
public interface IResult
{
    Error? Error { get; }

    bool IsSuccess { get; }
}
