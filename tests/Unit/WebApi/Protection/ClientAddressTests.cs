using System.Net;
using Reservations.WebApi.Protection;

namespace Reservations.UnitTests.WebApi.Protection;

public class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    public void Of_CountsAnIPv6ClientByItsSlash64_AndAMappedIPv4ClientAsIPv4(string address, string countedAs) =>
        ClientAddress.Of(IPAddress.Parse(address)).Should().Be(countedAs);

    [Fact]
    public void Of_WithoutAnAddress_IsUnknown() => ClientAddress.Of((IPAddress?)null).Should().Be("unknown");
}
