using System.Text;
using Reservations.Infrastructure.Redis;

namespace Reservations.UnitTests.Infrastructure.Redis;

public class RedisKeysCustomerHoldsTests
{
    [Theory]
    [InlineData("alice")]
    [InlineData("auth0|{s1}:mine:1")]
    [InlineData("é💡\u00ff")]
    public void CustomerField_OfAnyId_IsSixteenPrintableAsciiCharactersWithoutTheId(string customer)
    {
        var field = RedisKeys.CustomerField(customer);

        field.Should().HaveCount(16).And.OnlyContain(b => b > 0x20 && b < 0x7F);
        Encoding.ASCII.GetString(field).Should().NotContain(customer);
    }

    [Fact]
    public void CustomerField_OfIdsThatDifferOnlyInCase_Differs() =>
        RedisKeys.CustomerField("Alice").Should().NotEqual(RedisKeys.CustomerField("alice"));

    [Fact]
    public void CustomerHolds_IsNamedByShardAndHour() =>
        ((string?)new RedisKeys("rsv", 16).CustomerHolds(3, 491_234)).Should().Be("rsv:{s3}:mine:491234");
}
