namespace Reservations.IntegrationTests.Fixtures;

/// <summary>Worker settings that make webhook delivery quick to observe: short polls, a one-second retry delay.</summary>
public static class WebhookWorkerSettings
{
    public static readonly (string Key, string Value)[] Quick =
    [
        ("Webhooks:AllowLocalTargets", "true"),
        ("Webhooks:Delivery:PollInterval", "00:00:00.200"),
        ("Webhooks:Delivery:SwitchRepairInterval", "00:00:01"),
        ("Webhooks:Delivery:RetryDelays:0", "00:00:01"),
    ];

    public static (string Key, string Value)[] With(params (string Key, string Value)[] settings) => [.. Quick, .. settings];
}
