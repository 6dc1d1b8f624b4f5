using Mediator;

namespace Reservations.Application.Products.WarmUp;

/// <summary>Creates the gate state of every catalog product that has none (available = total − sold; each customer's
/// purchased units count against the limit). With <see cref="OnlyWhenStateLost"/>, only when a shard's marker shows
/// that Redis lost data since the last warm-up.</summary>
public sealed record WarmUpInventoryCommand(bool OnlyWhenStateLost = false) : ICommand<WarmUpInventoryResult>;
