using Microsoft.OpenApi;

namespace Reservations.WebApi.OpenApi;

internal static class RetryAfter
{
    public const string Name = "Retry-After";

    // The limiter rounds its wait up to whole seconds; the other refusals ask for 1 s (5 s for the availability streams).
    public static OpenApiHeader Header(int status) => new()
    {
        Description = status == StatusCodes.Status429TooManyRequests
            ? "Seconds to wait before calling again (RFC 9110 delay-seconds)."
            : "Seconds to wait before retrying (RFC 9110 delay-seconds); sent when the service sheds load or a store does not answer.",
        Required = status == StatusCodes.Status429TooManyRequests,
        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "1", Maximum = "3600" },
    };
}
