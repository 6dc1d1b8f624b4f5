using System.Text.Json;
using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class SaleOptionsTests
{
    private const string Key = "a-signing-key-of-at-least-32-bytes!";

    [Fact]
    public void Parse_NoOptions_MintsTokensForTheApiOverHttp()
    {
        var (options, _) = SaleOptions.Parse([]);

        options!.SigningKey.Should().BeNull();
        options.Tokens.Should().Be("minted by /api/dev/tokens");
        options.Issuer.Should().Be("reservations");
        options.Audience.Should().Be("reservations-api");
    }

    [Fact]
    public void Parse_SigningKeyIssuerAndAudience_SignsLocallyWithThem()
    {
        var (options, _) = SaleOptions.Parse(["--signing-key", Key, "--issuer", "idp", "--audience", "shop"]);

        options.Should().BeEquivalentTo(new { SigningKey = Key, Issuer = "idp", Audience = "shop", Tokens = "signed locally" });
    }

    [Fact]
    public void Parse_ASigningKeyShorterThanTheApiAccepts_IsAnError()
    {
        var (options, error) = SaleOptions.Parse(["--signing-key", "short"]);

        options.Should().BeNull();
        error.Should().Contain("--signing-key").And.Contain("32 bytes");
    }

    [Fact]
    public void Serialized_ForTheResults_NeverCarriesTheKey() =>
        JsonSerializer.Serialize(SaleOptions.Parse(["--signing-key", Key]).Options).Should().NotContain(Key).And.Contain("signed locally");
}
