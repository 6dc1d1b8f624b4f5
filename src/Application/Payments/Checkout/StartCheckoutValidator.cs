using FluentValidation;
using Reservations.Domain.Customers;

namespace Reservations.Application.Payments.Checkout;

public sealed class StartCheckoutValidator : AbstractValidator<StartCheckoutCommand>
{
    public const int UrlMaxLength = 2048;

    public StartCheckoutValidator()
    {
        RuleFor(c => c.CustomerId).Must(CustomerId.IsValid);
        RuleFor(c => c.SuccessUrl).Must(IsWebUrl).WithMessage($"successUrl must be an absolute http(s) URL of at most {UrlMaxLength} characters.");
        RuleFor(c => c.CancelUrl).Must(IsWebUrl).WithMessage($"cancelUrl must be an absolute http(s) URL of at most {UrlMaxLength} characters.");
    }

    private static bool IsWebUrl(Uri? url) =>
        url is { IsAbsoluteUri: true } && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
        && url.OriginalString.Length <= UrlMaxLength;
}
