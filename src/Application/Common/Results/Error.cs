namespace Reservations.Application.Common.Results;

public sealed record Error(string Code, ErrorKind Kind, IReadOnlyDictionary<string, object?>? Extensions = null);
