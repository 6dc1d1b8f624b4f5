-- Buys a held hold for its owner before its deadline and appends it to the shard's purchase stream in the same step,
-- so an acknowledged purchase is never lost and never also returned to stock. Repeating it answers the same.
-- The trace parent argument is the W3C trace context of the purchase request when it is traced, else empty: the entry
-- carries it (data only, no counter moves with it) so that the Worker persists the order in the same trace.
local k = { stock = @StockKey, holds = @HoldsKey, tally = @TallyKey }
local hold_id, customer = @HoldId, @Customer
local now = now_ms()

local state, value, hold = owned_hold(k, hold_id, customer, now)
if state == 'not-found' then
  return { 'not-found' }
end
if state == 'purchased' then
  -- Persisted (completed) or not, a repeat answers what the purchase answered.
  return { 'purchased', 'p' .. string.sub(value, 2) }
end
if state then
  return { state, value }
end

expect_types(add_event_types({ k.stock, 'hash', k.tally, 'hash', ended_now(k, now), 'hash', @PurchasesKey, 'stream' },
  k, 'hold.purchased', 'hold.expired'))
expect_counters(k, hold, { ':a', ':h', ':p' })
if now >= hold.deadline then
  local expired = 'e' .. string.sub(value, 2)
  finish_hold(k, hold_id, value, hold, 'e', now)
  emit(k, 'hold.expired', hold_id, expired, now)
  return { 'expired', expired }
end

-- A purchased hold stays live until the Worker has persisted it; its expiry bucket skips it. Its entry lists every line
-- as a product, quantity and price, in order (field names repeat for a cart).
local purchased = 'p' .. string.sub(value, 2)
redis.call('HSET', k.holds, hold_id, purchased)
local entry = { FIELD.hold, hold_id }
for _, line in ipairs(hold.lines) do
  redis.call('HINCRBY', k.stock, line.product .. ':h', -line.quantity)
  redis.call('HINCRBY', k.stock, line.product .. ':p', line.quantity)
  entry[#entry + 1], entry[#entry + 2], entry[#entry + 3], entry[#entry + 4], entry[#entry + 5], entry[#entry + 6] =
    FIELD.product, line.product, FIELD.quantity, line.quantity, FIELD.price, line.price
end
for _, field in ipairs({ FIELD.customer, hold.customer, FIELD.at, now, FIELD.created, hold.created, FIELD.deadline,
    hold.deadline }) do
  entry[#entry + 1] = field
end
if @TraceParent ~= '' then
  entry[#entry + 1], entry[#entry + 2] = FIELD.traceparent, @TraceParent
end
redis.call('XADD', @PurchasesKey, '*', unpack(entry))
emit(k, 'hold.purchased', hold_id, purchased, now)
return { 'purchased', purchased }
