-- Expires up to @Batch overdue holds of the shard, oldest bucket first: on a bucket marker's keyspace event, and for
-- every shard on each sweep (the safety net behind the events). Idempotent, so several Workers may run it at once.
-- Returns { 1 when more may be due, else 0, then for each hold expired its delay past the deadline in ms }.
local k = { stock = @StockKey, holds = @HoldsKey, due = @DueKey, tally = @TallyKey }
local delays, more = expire_due(k, now_ms(), tonumber(@Batch))
local reply = { more and 1 or 0 }
for _, delay in ipairs(delays) do
  reply[#reply + 1] = delay
end
return reply
