using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Reservations.Application.Admin.DeadLetters;
using Reservations.Application.Common.Paging;
using Reservations.Application.Holds;
using Reservations.Application.Holds.List;
using Reservations.Application.Holds.Reserve;
using Reservations.Application.Payments;
using Reservations.Application.Payments.Checkout;
using Reservations.Application.Purchases;
using Reservations.Application.Webhooks;
using Reservations.Domain.Customers;
using Reservations.Domain.Holds;
using Reservations.Domain.Products;
using Reservations.Domain.Webhooks;
using Reservations.WebApi.Problems;

namespace Reservations.WebApi.OpenApi;

/// <summary>
/// The limits of each body property and parameter by its name on the wire, from the constants the validators, the domain
/// and the columns use. A new field without an entry fails the OpenAPI lint test (OWASP's string, integer and array limits).
/// </summary>
internal static class SchemaLimits
{
    public sealed record Limit(
        decimal? Minimum = null, decimal? Maximum = null, int? MaxLength = null, string? Pattern = null, string? Format = null,
        IReadOnlyList<string>? Values = null);

    /// <summary>What the server writes, for fields that no request sets (the columns' lengths, the problem texts).</summary>
    public const int StripeIdMaxLength = 255;
    public const int ProblemTextMaxLength = 1000;
    public const int RequestLineMaxLength = 8 * 1024;

    /// <summary>No control characters (<c>char.IsControl</c>), as the validators of free text require.</summary>
    private const string NoControls = @"^[^\u0000-\u001F\u007F-\u009F]*$";

    private static readonly Limit Stock = new(0, Product.MaxStock);
    private static readonly Limit HoldSeconds = new(HoldDuration.MinSeconds, HoldDuration.MaxSeconds);
    private static readonly Limit HttpStatus = new(100, 599);
    private static readonly Limit Count = new(0, int.MaxValue);

    private static readonly Dictionary<string, Limit> ByName = new(StringComparer.Ordinal)
    {
        ["sku"] = new(MaxLength: Sku.MaxLength, Pattern: Sku.Characters + "$"),
        // Not blank, no NUL.
        ["name"] = new(MaxLength: Product.NameMaxLength, Pattern: @"^[^\u0000]*[^\s\u0000][^\u0000]*$"),
        ["saleId"] = new(MaxLength: Product.SaleIdMaxLength, Pattern: "^[A-Za-z0-9._-]+$"),
        ["customerId"] = new(MaxLength: CustomerId.MaxLength, Pattern: NoControls),
        ["actor"] = new(MaxLength: CustomerId.MaxLength, Pattern: NoControls),
        ["reason"] = new(MaxLength: StockAdjustment.ReasonMaxLength, Pattern: NoControls),
        ["quantity"] = new(Quantity.MinValue, Quantity.MaxValue),
        ["price"] = new(0, Money.MaxValue),
        ["unitPrice"] = new(0, Money.MaxValue),
        ["holdSeconds"] = HoldSeconds,
        ["maxHoldSeconds"] = HoldSeconds,
        ["seconds"] = HoldSeconds,
        ["stock"] = Stock,
        ["totalStock"] = Stock,
        ["expectedTotalStock"] = Stock,
        ["available"] = Stock,
        ["held"] = Stock,
        ["purchasing"] = Stock,
        ["deadLettered"] = Stock,
        ["sold"] = Stock,
        ["maxPerCustomer"] = new(1, Product.MaxStock),
        ["delta"] = new(-Product.MaxStock, Product.MaxStock),
        ["page"] = new(1, PageRequest.MaxPage),
        ["pageSize"] = new(1, PageRequest.MaxPageSize),
        ["total"] = Count,
        ["attempts"] = Count,
        ["lastStatusCode"] = HttpStatus,
        // A problem's status (an integer), and the status filter of the holds list (a string).
        ["status"] = HttpStatus with { Values = [.. HoldStatusNames.Names] },
        ["url"] = new(MaxLength: WebhookEndpoint.UrlMaxLength, Format: "uri"),
        ["description"] = new(MaxLength: WebhookEndpoint.DescriptionMaxLength, Pattern: NoControls),
        ["disabledReason"] = new(MaxLength: WebhookEndpoint.DisabledReasonMaxLength),
        ["secret"] = new(MaxLength: 64, Pattern: "^whsec_"),
        ["eventType"] = new(Values: WebhookEventTypes.All),
        ["lastError"] = new(MaxLength: 500),
        ["successUrl"] = new(MaxLength: StartCheckoutValidator.UrlMaxLength, Format: "uri"),
        ["cancelUrl"] = new(MaxLength: StartCheckoutValidator.UrlMaxLength, Format: "uri"),
        ["checkoutUrl"] = new(MaxLength: StartCheckoutValidator.UrlMaxLength, Format: "uri"),
        ["sessionId"] = new(MaxLength: StripeIdMaxLength, Pattern: "^cs_"),
        ["paymentIntentId"] = new(MaxLength: StripeIdMaxLength, Pattern: "^pi_"),
        ["refundId"] = new(MaxLength: StripeIdMaxLength, Pattern: "^re_"),
        ["refundStatus"] = new(MaxLength: 500),
        ["kind"] = new(Values: [PaymentErrors.AmountMismatch, PaymentErrors.UnknownHold, PaymentErrors.Duplicate, PaymentErrors.StockGone]),
        ["currency"] = new(MaxLength: 3, Pattern: "^[a-z]{3}$"),
        ["amount"] = new(0, long.MaxValue),
        ["Idempotency-Key"] = new(MaxLength: ReserveItemValidator.IdempotencyKeyMaxLength, Pattern: "^[ -~]+$"),
        // A Redis stream id; any other value is taken as unknown and answered with the current figures.
        ["Last-Event-ID"] = new(MaxLength: 41, Pattern: "^[0-9]+-[0-9]+$"),
        // RFC 9457 members, written by the API only.
        ["type"] = new(MaxLength: ProblemCodes.TypePrefix.Length + ProblemCatalog.All.Max(t => t.Code.Length), Format: "uri"),
        ["title"] = new(MaxLength: ProblemTextMaxLength),
        ["detail"] = new(MaxLength: ProblemTextMaxLength),
        ["instance"] = new(MaxLength: RequestLineMaxLength),
        ["traceId"] = new(MaxLength: 128),
    };

    /// <summary>A hold's or order's price: every line at the highest price and quantity.</summary>
    private static readonly Limit PriceTotal = new(0, Money.MaxValue * Quantity.MaxValue * Hold.MaxLines);

    /// <summary>
    /// Where a name means something else: a dead letter's reason is PostgreSQL's refusal, which no limit bounds; a hold's
    /// or order's total is a price, not a page's count.
    /// </summary>
    private static readonly Dictionary<(Type, string), Limit> ByTypeAndName = new()
    {
        [(typeof(DeadLetterResponse), "reason")] = new(),
        [(typeof(ReservationResponse), "total")] = PriceTotal,
        [(typeof(OrderResponse), "total")] = PriceTotal,
    };

    public static Limit? Of(string name, Type? declaringType = null) =>
        declaringType is not null && ByTypeAndName.TryGetValue((declaringType, name), out var limit) ? limit
        : ByName.GetValueOrDefault(name);

    public static void Apply(OpenApiSchema schema, Limit limit)
    {
        var type = schema.Type ?? 0;
        if (type.HasFlag(JsonSchemaType.Integer) || type.HasFlag(JsonSchemaType.Number))
        {
            schema.Minimum ??= limit.Minimum?.ToString(CultureInfo.InvariantCulture);
            schema.Maximum ??= limit.Maximum?.ToString(CultureInfo.InvariantCulture);
        }

        if (type.HasFlag(JsonSchemaType.String))
        {
            if (limit.Values is { } values)
            {
                schema.Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))];
            }

            schema.MaxLength ??= limit.MaxLength;
            schema.Pattern ??= limit.Pattern;
            schema.Format ??= limit.Format;
        }
    }

    public static int? MaxItems(string? name, Type declaringType) => name switch
    {
        "items" when declaringType.IsGenericType && declaringType.GetGenericTypeDefinition() == typeof(PagedResponse<>) => PageRequest.MaxPageSize,
        "items" => Hold.MaxLines,
        "events" => WebhookEventTypes.All.Count,
        _ => null,
    };
}
