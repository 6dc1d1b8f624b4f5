-- The owner gives a hold back. Releasing twice, or after expiry, changes nothing and succeeds;
-- a hold past its deadline is expired rather than released, so its stock comes back exactly once either way.
local k = { stock = @StockKey, holds = @HoldsKey, tally = @TallyKey }
local hold_id, customer = @HoldId, @Customer
local now = now_ms()

local state, value, hold = owned_hold(k, hold_id, customer, now)
if state == 'not-found' then
  return { 'not-found' }
end
if state == 'purchased' then
  return { 'already-purchased' }
end
if state then
  return { 'finished' }
end

expect_types(add_event_types({ k.stock, 'hash', k.tally, 'hash', ended_now(k, now), 'hash' }, k,
  'hold.released', 'hold.expired'))
expect_counters(k, hold, { ':a', ':h' })
local status = now >= hold.deadline and 'e' or 'r'
finish_hold(k, hold_id, value, hold, status, now)
emit(k, status == 'e' and 'hold.expired' or 'hold.released', hold_id, status .. string.sub(value, 2), now)
return { 'finished' }
