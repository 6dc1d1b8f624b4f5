namespace Reservations.ServiceDefaults.Configuration;

/// <summary>Options without settings: <c>ValidateOnStart</c> validates them, so <see cref="MovedKeysValidator"/> reads the configuration at start.</summary>
internal sealed class MovedKeysCheck;
