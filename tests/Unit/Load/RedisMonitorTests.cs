using System.Text;
using Reservations.Load;

namespace Reservations.UnitTests.Load;

public class RedisMonitorTests
{
    [Fact]
    public void Arguments_OfAClientsCommand_AreItsArgumentsInOrder() =>
        Texts(RedisMonitor.Arguments("+1700000000.123456 [0 127.0.0.1:50000] \"EVALSHA\" \"ab12\" \"1\" \"rsv:{s3}:stock\""))
            .Should().Equal("EVALSHA", "ab12", "1", "rsv:{s3}:stock");

    [Fact]
    public void Arguments_WithEscapes_AreTheBytesSent() =>
        RedisMonitor.Arguments("+1700000000.1 [0 unix:/tmp/redis.sock] \"\\x01\\xffa\" \"q\\\"\\\\x\\n\\r\\t\\a\\b\" \"\"")
            .Should().BeEquivalentTo(new byte[][] { [0x01, 0xff, (byte)'a'], [.. "q\"\\x\n\r\t"u8, 0x07, 0x08], [] }, o => o.WithStrictOrdering());

    [Fact]
    public void Arguments_OfAScriptsCommand_AreRead() =>
        Texts(RedisMonitor.Arguments("+1700000000.1 [0 lua] \"hincrby\" \"k\" \"f\" \"-1\"")).Should().Equal("hincrby", "k", "f", "-1");

    [Theory]
    [InlineData("+OK")]
    [InlineData("+1700000000.1 [0 lua] \"unclosed")]
    [InlineData("+1700000000.1 [0 lua] unquoted")]
    public void Arguments_OfALineThatIsNoCommand_Throw(string line) =>
        FluentActions.Invoking(() => RedisMonitor.Arguments(line)).Should().Throw<FormatException>();

    private static IEnumerable<string> Texts(IEnumerable<byte[]> arguments) => arguments.Select(Encoding.ASCII.GetString);
}
