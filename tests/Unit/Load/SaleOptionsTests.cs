using System.Text.Json;
using Reservations.Load.Sale;

namespace Reservations.UnitTests.Load;

public class SaleOptionsTests
{
    private const string Key = "a-signing-key-of-at-least-32-bytes!";

    [Fact]
    public void Parse_NoOptions_SellsOverHttpWithTokensMintedByTheApi()
    {
        var (options, _) = SaleOptions.Parse([]);

        options!.Mode.Should().Be(SaleMode.Http);
        options.SigningKey.Should().BeNull();
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

    [Fact]
    public void Parse_ModeGateAndRedis_SellsAtTheGateOfThatRedis()
    {
        var (options, _) = SaleOptions.Parse(["--mode", "gate", "--redis", "127.0.0.1:16400"]);

        options.Should().BeEquivalentTo(new { Mode = SaleMode.Gate, Redis = "127.0.0.1:16400", Tokens = "none (no HTTP)" });
    }

    [Theory]
    [InlineData("--mode", "grpc", "http or gate")]
    [InlineData("--mode", "1", "http or gate")]
    [InlineData("--max-quantity", "1001", "more than 1000")]
    [InlineData("--redis", null, "needs a value")]
    public void Parse_AnOptionItCannotRead_IsAnError(string option, string? value, string expected)
    {
        var (options, error) = SaleOptions.Parse(value is null ? [option] : [option, value]);

        options.Should().BeNull();
        error.Should().Contain(expected);
    }
}
