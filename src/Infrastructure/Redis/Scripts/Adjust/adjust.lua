-- Applies one stock adjustment to what is available, at most once: its outcome is kept in @AdjustmentKey, and a repeat
-- (the request retried, the Worker completing an adjustment left pending) answers that outcome and changes nothing.
-- A removal of more than is available is refused, and stays refused, so PostgreSQL may revert it safely.
-- Without gate state nothing is recorded: the adjustment stays pending until the state exists (the warm-up leaves
-- pending adjustments out of it), then applies.
-- Far longer than an adjustment stays pending (the Worker completes those within seconds of Redis answering again).
local KEEP_SECONDS = 30 * 24 * 3600
local field, delta = @ProductId .. ':a', tonumber(@Delta)
expect_types({ @StockKey, 'hash', @AdjustmentKey, 'string' })

local available = redis.call('HGET', @StockKey, field)
local outcome = redis.call('GET', @AdjustmentKey)
if outcome then
  return { outcome, available or '0' }
end
if not available then
  return { 'no-gate-state', '0' }
end

available = tonumber(available)
if available + delta < 0 then
  outcome = 'refused'
else
  outcome = 'applied'
  available = redis.call('HINCRBY', @StockKey, field, delta)
end
redis.call('SET', @AdjustmentKey, outcome, 'EX', KEEP_SECONDS)
return { outcome, tostring(available) }
