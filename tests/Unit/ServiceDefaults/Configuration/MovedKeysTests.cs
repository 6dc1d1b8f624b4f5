using System.Reflection;
using Microsoft.Extensions.Configuration;
using Reservations.Application.Common;
using Reservations.Infrastructure.Redis;
using Reservations.ServiceDefaults.Configuration;
using Reservations.ServiceDefaults.Telemetry;
using Reservations.WebApi.Auth;
using Reservations.Worker;

namespace Reservations.UnitTests.ServiceDefaults.Configuration;

public sealed class MovedKeysTests
{
    /// <summary>Every options class of the service's projects, with its section (its <c>Section</c> constant).</summary>
    private static readonly IReadOnlyList<(Type Options, string Section)> OptionsClasses =
    [
        .. new[] { typeof(ReservationsOptions), typeof(RedisGateOptions), typeof(PrometheusOptions), typeof(AuthOptions), typeof(WorkerOptions) }
            .SelectMany(anchor => anchor.Assembly.GetTypes())
            .Where(type => type.Name.EndsWith("Options", StringComparison.Ordinal))
            .Select(type => (Options: type, Section: type.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string))
            .Where(options => options.Section is not null)
            .Select(options => (options.Options, options.Section!)),
    ];

    public static TheoryData<string, string> Moves() => new(MovedKeys.All);

    [Fact]
    public void EverySection_IsBoundByOneOptionsClass() =>
        OptionsClasses.GroupBy(options => options.Section, StringComparer.OrdinalIgnoreCase)
            .Where(section => section.Count() > 1)
            .Select(section => $"{section.Key}: {string.Join(", ", section.Select(options => options.Options.Name))}")
            .Should().BeEmpty();

    [Fact]
    public void StillSetIn_AnOldKey_NamesItTheNewKeyAndItsEnvironmentVariable() =>
        MovedKeys.StillSetIn(Configuration(("Reservations:MetricsPort", "9464"))).Should().ContainSingle()
            .Which.Should().StartWith("Reservations:MetricsPort has moved to Prometheus:Port (environment variable Prometheus__Port)");

    [Fact]
    public void StillSetIn_AKeyUnderAMovedSection_NamesItsKeyInTheNewSection() =>
        MovedKeys.StillSetIn(Configuration(("Reservations:LiveAvailability:Tick", "00:00:01"))).Should().ContainSingle()
            .Which.Should().StartWith("Reservations:LiveAvailability:Tick has moved to LiveAvailability:Tick ");

    [Fact]
    public void StillSetIn_AnItemOfAMovedList_NamesItsNewKey() =>
        MovedKeys.StillSetIn(Configuration(("Webhooks:RetryDelays:0", "00:00:01"))).Should().ContainSingle()
            .Which.Should().StartWith("Webhooks:RetryDelays:0 has moved to Webhooks:Delivery:RetryDelays:0 ");

    [Fact]
    public void StillSetIn_AnOldKeySetEmptyOrInAnotherCase_CountsAsSet() =>
        MovedKeys.StillSetIn(Configuration(("Reservations:KeyPrefix", ""), ("reservations:sweepinterval", "00:00:01")))
            .Should().HaveCount(2);

    [Fact]
    public void StillSetIn_AnOldKeyBesideItsNewKeyWithTheSameValue_IsAcceptedForARollingUpgrade() =>
        MovedKeys.StillSetIn(Configuration(("Reservations:KeyPrefix", "shop"), ("Redis:KeyPrefix", "shop"),
            ("Reservations:LiveAvailability:Tick", "00:00:01"), ("LiveAvailability:Tick", "00:00:01"))).Should().BeEmpty();

    [Fact]
    public void StillSetIn_AnOldKeyBesideItsNewKeyWithAnotherValue_IsRefused() =>
        MovedKeys.StillSetIn(Configuration(("Reservations:KeyPrefix", "shop"), ("Redis:KeyPrefix", "other"))).Should().ContainSingle()
            .Which.Should().StartWith("Reservations:KeyPrefix has moved to Redis:KeyPrefix ");

    [Fact]
    public void StillSetIn_AnOldKeyAsAnEnvironmentVariable_IsFound()
    {
        const string prefix = "MOVED_KEYS_TEST_";
        Environment.SetEnvironmentVariable($"{prefix}Reservations__HealthPort", "8081");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            MovedKeys.StillSetIn(configuration).Should().ContainSingle().Which.Should().Contain("Worker:HealthPort");
        }
        finally
        {
            Environment.SetEnvironmentVariable($"{prefix}Reservations__HealthPort", null);
        }
    }

    [Fact]
    public void StillSetIn_EveryNewKeyAndTheKeysThatStayed_FindsNothing()
    {
        var stayed = new[] { "Reservations:DefaultHoldSeconds", "Webhooks:AllowLocalTargets", "Webhooks:RetryWindow", "Webhooks:GateEvents:IdlePoll" };
        var configuration = Configuration([.. MovedKeys.All.Select(move => move.New).Concat(stayed).Select(key => (key, "1"))]);

        MovedKeys.StillSetIn(configuration).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void NewKey_IsASettingOfTheOptionsClassOfItsSection(string oldKey, string newKey)
    {
        var (options, setting) = Owner(newKey);

        options.Should().NotBeNull($"{newKey} (moved from {oldKey}) must be under the section of an options class");
        if (setting is not null)
        {
            var property = options!.GetProperty(setting);
            property.Should().NotBeNull($"{newKey} must be a property of {options.Name}");
            property!.CanWrite.Should().BeTrue($"{newKey} must be bound");
        }
    }

    [Theory]
    [MemberData(nameof(Moves))]
    public void OldKey_IsReadByNoOptionsClass(string oldKey, string newKey)
    {
        var (options, setting) = Owner(oldKey);

        (options is null || (setting is not null && options.GetProperty(setting) is null))
            .Should().BeTrue($"{oldKey} moved to {newKey}: no options class may read it still");
    }

    [Fact]
    public void Validator_WithAnOldKey_FailsWithItsMessage_AndWithoutSucceeds()
    {
        new MovedKeysValidator(Configuration(("Webhooks:Lease", "00:01:00"))).Validate(null, new MovedKeysCheck())
            .Failures.Should().ContainSingle().Which.Should().Contain("Webhooks:Lease has moved to Webhooks:Delivery:Lease");
        new MovedKeysValidator(Configuration(("Webhooks:Delivery:Lease", "00:01:00"))).Validate(null, new MovedKeysCheck())
            .Succeeded.Should().BeTrue();
    }

    /// <summary>The options class whose section is the longest prefix of the key, and the setting of it the key names (none: the whole section).</summary>
    private static (Type? Options, string? Setting) Owner(string key)
    {
        var segments = key.Split(':');
        for (var length = segments.Length; length > 0; length--)
        {
            var section = string.Join(':', segments[..length]);
            if (OptionsClasses.FirstOrDefault(options => options.Section.Equals(section, StringComparison.OrdinalIgnoreCase)).Options is { } options)
            {
                return (options, length < segments.Length ? segments[length] : null);
            }
        }

        return (null, null);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
