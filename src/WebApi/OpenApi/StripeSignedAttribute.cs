namespace Reservations.WebApi.OpenApi;

/// <summary>Endpoint metadata: the route authenticates its caller by the <c>Stripe-Signature</c> header, not a token.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StripeSignedAttribute : Attribute;
