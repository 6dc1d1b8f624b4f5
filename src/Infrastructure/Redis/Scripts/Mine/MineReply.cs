using Reservations.Domain.Reservations;

namespace Reservations.Infrastructure.Redis.Scripts.Mine;

/// <summary>A shard's answer to mine.lua: how many of the customer's holds match, and the newest of them, newest first.</summary>
internal sealed record MineReply(int Matching, IReadOnlyList<Hold> Newest);
