using FluentValidation;
using Microsoft.Extensions.Options;
using Reservations.Domain.Webhooks;

namespace Reservations.Application.Webhooks.Create;

public sealed class CreateWebhookEndpointValidator : AbstractValidator<CreateWebhookEndpointCommand>
{
    public CreateWebhookEndpointValidator(IOptions<WebhookOptions> options, IWebhookHostResolver resolver)
    {
        var allowLocal = options.Value.AllowLocalTargets;
        RuleFor(c => c.Url).Cascade(CascadeMode.Stop)
            .Must(url => url is { Length: > 0 and <= WebhookEndpoint.UrlMaxLength } && IsAbsoluteWebUrl(url))
            .WithMessage($"Url must be an absolute http(s) URL of at most {WebhookEndpoint.UrlMaxLength} characters, without user info.")
            .Must(url => WebhookTargets.IsAllowedScheme(new Uri(url), allowLocal))
            .WithMessage(allowLocal ? "Url must use https (http only on loopback)." : "Url must use https.")
            .MustAsync(async (url, ct) => await PointsAtAllowedAddressesAsync(new Uri(url), allowLocal, resolver, ct))
            .WithMessage("Url must point at public addresses only: its host is a private, loopback or link-local address, or does not resolve.");
        RuleFor(c => c.Events).NotEmpty().WithMessage("Events must name at least one event type.");
        RuleForEach(c => c.Events).Must(WebhookEventTypes.All.Contains)
            .WithMessage($"Each event must be one of: {string.Join(", ", WebhookEventTypes.All)}.");
        RuleFor(c => c.Events).Must(events => events.Distinct(StringComparer.Ordinal).Count() == events.Count)
            .When(c => c.Events is not null).WithMessage("Events must not repeat a type.");
        RuleFor(c => c.Description)
            .Must(d => d is null || (d.Length <= WebhookEndpoint.DescriptionMaxLength && !d.Any(char.IsControl)))
            .WithMessage($"Description must be at most {WebhookEndpoint.DescriptionMaxLength} characters, without control characters.");
    }

    private static bool IsAbsoluteWebUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && uri.UserInfo.Length == 0 && uri.Host.Length > 0;

    private static async Task<bool> PointsAtAllowedAddressesAsync(
        Uri url, bool allowLocal, IWebhookHostResolver resolver, CancellationToken cancellationToken)
    {
        var addresses = url.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? [System.Net.IPAddress.Parse(url.IdnHost)]
            : await resolver.ResolveAsync(url.IdnHost, cancellationToken);
        return addresses.Count > 0 && addresses.All(a => WebhookTargets.IsAllowedAddress(a, allowLocal));
    }
}
