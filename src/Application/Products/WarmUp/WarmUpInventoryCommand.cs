using Mediator;

namespace Reservations.Application.Products.WarmUp;

/// <summary>For every product without gate state (available = total − sold; purchased units count against the limit).
/// With <see cref="OnlyWhenStateLost"/>, only when a shard's marker shows that Redis lost data.</summary>
public sealed record WarmUpInventoryCommand(bool OnlyWhenStateLost = false) : ICommand<WarmUpInventoryResult>;
