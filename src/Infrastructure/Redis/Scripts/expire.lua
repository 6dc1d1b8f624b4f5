-- Expires one hold whose deadline has passed (the keyspace-event path). Idempotent: a hold already released,
-- expired or purchased, or not yet due, is left as it is. Returns how many milliseconds past the deadline this call
-- gave the stock back, or -1 when it changed nothing.
local k = { stock = @StockKey, holds = @HoldsKey, deadlines = @DeadlinesKey, tally = @TallyKey, finished = @FinishedKey }
local hold_id = @HoldId
local now = now_ms()

local value = redis.call('HGET', k.holds, hold_id)
if not value or string.sub(value, 1, 1) ~= 'h' then
  return -1
end
local hold = parse_hold(value)
if now < hold.deadline then
  return -1
end
expect_types({ k.stock, 'hash', k.tally, 'hash', k.deadlines, 'zset', k.finished, 'zset' })
finish_hold(k, hold_id, value, hold, 'e', now)
return now - hold.deadline
