using Reservations.Application.Webhooks;

namespace Reservations.UnitTests.Application.Webhooks;

public class NameBasedGuidTests
{
    private static readonly Guid DnsNamespace = new("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    [Fact]
    public void Create_ForTheRfcExample_GivesTheRfcsVersion5Id()
    {
        // RFC 9562, appendix A.4: "www.example.com" in the DNS namespace.
        NameBasedGuid.Create(DnsNamespace, "www.example.com").Should().Be(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    [Fact]
    public void Create_ForOneNameTwice_GivesOneIdAndAnotherForAnotherNameOrNamespace()
    {
        var id = NameBasedGuid.Create(DnsNamespace, "rsv:{s3}:events/1733526000000-0");

        NameBasedGuid.Create(DnsNamespace, "rsv:{s3}:events/1733526000000-0").Should().Be(id);
        NameBasedGuid.Create(DnsNamespace, "rsv:{s3}:events/1733526000000-1").Should().NotBe(id);
        NameBasedGuid.Create(Guid.NewGuid(), "rsv:{s3}:events/1733526000000-0").Should().NotBe(id);
        id.Version.Should().Be(5);
    }
}
