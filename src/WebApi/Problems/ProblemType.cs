namespace Reservations.WebApi.Problems;

/// <summary>
/// What a problem <c>type</c> means to a client: why the API answers it and what to do then (<c>/problems/{Code}</c>).
/// <paramref name="Status"/> is null for the one code that takes the status of its response (<c>error</c>).
/// </summary>
public sealed record ProblemType(string Code, int? Status, string Cause, string Action)
{
    public string Title => ProblemCodes.TitleOf(Code);
}
