using System.Net;
using FluentValidation.TestHelper;
using Microsoft.Extensions.Options;
using NSubstitute;
using Reservations.Application.Webhooks;
using Reservations.Application.Webhooks.Create;
using Reservations.Domain.Webhooks;

namespace Reservations.UnitTests.Application.Webhooks.Create;

public class CreateWebhookEndpointValidatorTests
{
    private static readonly CreateWebhookEndpointCommand Valid =
        new("https://hooks.example.com/reservations", [WebhookEventTypes.OrderCompleted, WebhookEventTypes.HoldExpired], "orders");

    private readonly IWebhookHostResolver _resolver = Substitute.For<IWebhookHostResolver>();

    public CreateWebhookEndpointValidatorTests() =>
        _resolver.ResolveAsync("hooks.example.com", Arg.Any<CancellationToken>()).Returns([IPAddress.Parse("93.184.216.34")]);

    public static TheoryData<string> MalformedUrls =>
        ["", "not a url", "/relative/path", "ftp://hooks.example.com/x", "https://user:pass@hooks.example.com/x",
         "https://hooks.example.com/" + new string('a', WebhookEndpoint.UrlMaxLength)];

    public static TheoryData<string> LocalUrls =>
        ["https://127.0.0.1/hook", "https://10.1.2.3/hook", "https://172.16.0.1/hook", "https://192.168.1.1/hook",
         "https://169.254.169.254/latest/meta-data", "https://[::1]/hook", "https://[fe80::1]/hook", "https://[fd00::1]/hook",
         "https://[::ffff:10.0.0.1]/hook", "https://0.0.0.0/hook", "https://100.64.0.1/hook"];

    [Fact]
    public async Task Validate_WhenEveryFieldValid_Passes() =>
        (await Validator(allowLocal: false).TestValidateAsync(Valid, cancellationToken: TestContext.Current.CancellationToken))
            .ShouldNotHaveAnyValidationErrors();

    [Theory]
    [MemberData(nameof(MalformedUrls))]
    public Task Validate_WhenUrlMalformed_FailsOnUrlOnly(string url) => ShouldFailOnlyOnAsync(Valid with { Url = url }, "Url");

    [Fact]
    public Task Validate_WhenUrlIsPlainHttpOutsideLoopback_FailsOnUrl() =>
        ShouldFailOnlyOnAsync(Valid with { Url = "http://hooks.example.com/reservations" }, "Url", allowLocal: true);

    [Theory]
    [MemberData(nameof(LocalUrls))]
    public Task Validate_WhenUrlIsALocalAddressOutsideDevelopment_FailsOnUrl(string url) =>
        ShouldFailOnlyOnAsync(Valid with { Url = url }, "Url");

    [Fact]
    public async Task Validate_WhenNameResolvesToAPrivateAddress_FailsOnUrl()
    {
        _resolver.ResolveAsync("internal.example.com", Arg.Any<CancellationToken>())
            .Returns([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.5")]);

        await ShouldFailOnlyOnAsync(Valid with { Url = "https://internal.example.com/hook" }, "Url");
    }

    [Fact]
    public async Task Validate_WhenNameDoesNotResolve_FailsOnUrl()
    {
        _resolver.ResolveAsync("nowhere.example.com", Arg.Any<CancellationToken>()).Returns([]);

        await ShouldFailOnlyOnAsync(Valid with { Url = "https://nowhere.example.com/hook" }, "Url");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("https://10.1.2.3/hook")]
    public async Task Validate_WhenLocalTargetsAllowed_PassesLoopbackAndPrivate(string url)
    {
        _resolver.ResolveAsync("localhost", Arg.Any<CancellationToken>()).Returns([IPAddress.Loopback]);

        (await Validator(allowLocal: true).TestValidateAsync(Valid with { Url = url }, cancellationToken: TestContext.Current.CancellationToken))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public Task Validate_WhenNoEvents_FailsOnEvents() => ShouldFailOnlyOnAsync(Valid with { Events = [] }, "Events");

    [Fact]
    public async Task Validate_WhenAnEventIsUnknown_FailsOnThatEvent()
    {
        var result = await Validator(allowLocal: false).TestValidateAsync(
            Valid with { Events = [WebhookEventTypes.OrderCompleted, "order.shipped"] }, cancellationToken: TestContext.Current.CancellationToken);

        result.ShouldHaveValidationErrorFor("Events[1]");
    }

    [Fact]
    public Task Validate_WhenAnEventRepeats_FailsOnEvents() =>
        ShouldFailOnlyOnAsync(Valid with { Events = [WebhookEventTypes.HoldCreated, WebhookEventTypes.HoldCreated] }, "Events");

    [Theory]
    [InlineData(WebhookEndpoint.DescriptionMaxLength + 1, 'd')]
    [InlineData(5, '\n')]
    public Task Validate_WhenDescriptionTooLongOrHasControlCharacters_FailsOnDescription(int length, char filler) =>
        ShouldFailOnlyOnAsync(Valid with { Description = new string(filler, length) }, "Description");

    private CreateWebhookEndpointValidator Validator(bool allowLocal) =>
        new(Options.Create(new WebhookOptions { AllowLocalTargets = allowLocal }), _resolver);

    private async Task ShouldFailOnlyOnAsync(CreateWebhookEndpointCommand command, string property, bool allowLocal = false)
    {
        var result = await Validator(allowLocal).TestValidateAsync(command, cancellationToken: TestContext.Current.CancellationToken);

        result.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.PropertyName == property);
    }
}
