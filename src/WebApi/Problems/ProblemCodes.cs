namespace Reservations.WebApi.Problems;

/// <summary>Problem <c>type</c> URIs: <c>https://reservations.dev/problems/{code}</c>.</summary>
public static class ProblemCodes
{
    public const string TypePrefix = "https://reservations.dev/problems/";
    public const string Validation = "validation";
    public const string Unavailable = "service-unavailable";
    public const string Internal = "internal-error";

    public static string TypeOf(string code) => TypePrefix + code;

    public static string TitleOf(string code) => char.ToUpperInvariant(code[0]) + code[1..].Replace('-', ' ');

    /// <summary>The code of a problem the framework raised by status alone (401 from the bearer handler, 415…).</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "bad-request",
        StatusCodes.Status401Unauthorized => "unauthorized",
        StatusCodes.Status403Forbidden => "forbidden",
        StatusCodes.Status404NotFound => "not-found",
        StatusCodes.Status405MethodNotAllowed => "method-not-allowed",
        StatusCodes.Status413PayloadTooLarge => "payload-too-large",
        StatusCodes.Status415UnsupportedMediaType => "unsupported-media-type",
        StatusCodes.Status429TooManyRequests => "rate-limited",
        StatusCodes.Status431RequestHeaderFieldsTooLarge => "request-headers-too-large",
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        _ when status >= 500 => Internal,
        _ => "error",
    };
}
