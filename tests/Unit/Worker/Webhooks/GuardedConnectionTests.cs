using System.Net;
using NSubstitute;
using Reservations.Application.Webhooks;
using Reservations.Worker.Webhooks;

namespace Reservations.UnitTests.Worker.Webhooks;

public class GuardedConnectionTests
{
    private readonly IWebhookHostResolver _resolver = Substitute.For<IWebhookHostResolver>();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AllowedAddresses_WhenTheNameNowResolvesToAPrivateAddress_RefusesTheConnection()
    {
        _resolver.ResolveAsync("hooks.example.com", _ct).Returns([IPAddress.Parse("93.184.216.34"), IPAddress.Parse("10.0.0.1")]);

        var connect = () => GuardedConnection.AllowedAddressesAsync(_resolver, "hooks.example.com", allowLocalTargets: false, _ct);

        await connect.Should().ThrowAsync<HttpRequestException>().WithMessage("*hooks.example.com*");
    }

    [Fact]
    public async Task AllowedAddresses_WhenTheNameDoesNotResolve_RefusesTheConnection()
    {
        _resolver.ResolveAsync("gone.example.com", _ct).Returns([]);

        var connect = () => GuardedConnection.AllowedAddressesAsync(_resolver, "gone.example.com", allowLocalTargets: false, _ct);

        await connect.Should().ThrowAsync<HttpRequestException>();
    }

    [Fact]
    public async Task AllowedAddresses_ArePublicOnesAsResolved_AndALiteralIsNotLookedUp()
    {
        _resolver.ResolveAsync("hooks.example.com", _ct).Returns([IPAddress.Parse("93.184.216.34")]);

        (await GuardedConnection.AllowedAddressesAsync(_resolver, "hooks.example.com", allowLocalTargets: false, _ct))
            .Should().Equal(IPAddress.Parse("93.184.216.34"));
        (await GuardedConnection.AllowedAddressesAsync(_resolver, "127.0.0.1", allowLocalTargets: true, _ct))
            .Should().Equal(IPAddress.Loopback);
        await _resolver.DidNotReceive().ResolveAsync("127.0.0.1", _ct);
    }
}
