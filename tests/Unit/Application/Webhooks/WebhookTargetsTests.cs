using System.Net;
using Reservations.Application.Webhooks;

namespace Reservations.UnitTests.Application.Webhooks;

public class WebhookTargetsTests
{
    [Theory]
    [InlineData("93.184.216.34")]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946")]
    [InlineData("172.32.0.1")]
    [InlineData("64:ff9b::5db8:d822")]
    [InlineData("2002:5db8:d822::1")]
    public void IsAllowedAddress_WhenPublic_IsTrueEvenWithoutLocalTargets(string address) =>
        WebhookTargets.IsAllowedAddress(IPAddress.Parse(address), allowLocalTargets: false).Should().BeTrue();

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.0.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fc00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    [InlineData("64:ff9b:1::5db8:d822")]
    [InlineData("2002:a00:1::1")]
    [InlineData("::a9fe:a9fe")]
    [InlineData("::ffff:0:a9fe:a9fe")]
    [InlineData("2001:0:4136:e378::1")]
    [InlineData("198.18.0.1")]
    [InlineData("192.0.0.8")]
    public void IsAllowedAddress_WhenLocal_IsTrueOnlyWhenLocalTargetsAreAllowed(string address)
    {
        WebhookTargets.IsAllowedAddress(IPAddress.Parse(address), allowLocalTargets: false).Should().BeFalse();
        WebhookTargets.IsAllowedAddress(IPAddress.Parse(address), allowLocalTargets: true).Should().BeTrue();
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("224.0.0.1")]
    [InlineData("ff02::1")]
    public void IsAllowedAddress_WhenUnspecifiedOrMulticast_IsFalseAlways(string address) =>
        WebhookTargets.IsAllowedAddress(IPAddress.Parse(address), allowLocalTargets: true).Should().BeFalse();

    [Theory]
    [InlineData("https://hooks.example.com/x", false, true)]
    [InlineData("http://hooks.example.com/x", true, false)]
    [InlineData("http://127.0.0.1:8080/x", false, false)]
    [InlineData("http://127.0.0.1:8080/x", true, true)]
    public void IsAllowedScheme_AllowsPlainHttpOnlyOnLoopbackWithLocalTargets(string url, bool allowLocal, bool allowed) =>
        WebhookTargets.IsAllowedScheme(new Uri(url), allowLocal).Should().Be(allowed);
}
