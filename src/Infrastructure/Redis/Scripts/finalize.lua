-- After PostgreSQL committed a purchase: the hold becomes completed, its units leave purchasing, and its stream
-- entry is acknowledged and deleted. Idempotent: a redelivered entry of a completed hold is only acknowledged.
local k = { stock = @StockKey, holds = @HoldsKey, finished = @FinishedKey }
local hold_id, entry_id = @HoldId, @EntryId
local now = now_ms()

local value = redis.call('HGET', k.holds, hold_id)
expect_types({ k.stock, 'hash', k.finished, 'zset', @PurchasesKey, 'stream' })
if value and string.sub(value, 1, 1) == 'p' then
  local hold = parse_hold(value)
  redis.call('HSET', k.holds, hold_id, 'c' .. string.sub(value, 2))
  redis.call('HINCRBY', k.stock, hold.product .. ':p', -hold.quantity)
  redis.call('ZADD', k.finished, now, hold_id)
end
redis.call('XACK', @PurchasesKey, @Group, entry_id)
redis.call('XDEL', @PurchasesKey, entry_id)
return 1
