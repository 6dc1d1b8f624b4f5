-- The safety net behind the keyspace events: expires one bounded batch of the shard's overdue holds and purges one
-- batch of tombstones (released or expired holds) older than the time they stay readable.
-- Returns { tombstones purged, then for each hold expired its delay past the deadline in ms }.
local k = { stock = @StockKey, holds = @HoldsKey, deadlines = @DeadlinesKey, tally = @TallyKey, finished = @FinishedKey }
local batch = tonumber(@Batch)
local now = now_ms()

local delays = expire_due(k, now, batch)

local old = redis.call('ZRANGEBYSCORE', k.finished, '-inf', now - tonumber(@TombstoneMs), 'LIMIT', 0, batch)
if #old > 0 then
  expect_types({ k.holds, 'hash' })
  redis.call('HDEL', k.holds, unpack(old))
  redis.call('ZREM', k.finished, unpack(old))
end

local reply = { #old }
for _, delay in ipairs(delays) do
  reply[#reply + 1] = delay
end
return reply
