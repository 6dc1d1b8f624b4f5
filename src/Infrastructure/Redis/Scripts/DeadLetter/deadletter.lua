-- PostgreSQL refused a purchase for good: the entry moves, with the reason, to the dead-letter stream and its units
-- count as dead-lettered (still a part of purchasing) until an admin retries it. Nothing is dropped.
-- Two Workers may hold the same entry (one stalled past the reclaim time, the other took it over), and one may commit
-- it while the other is refused (a batch's refusal depends on what went before it). PostgreSQL decides, so:
--   * the entry of a completed hold is only acknowledged: the hold was finalized, so its order is in PostgreSQL;
--   * a dead-lettered hold is indexed (dead-holds: hold id → dead-letter entry id), so that a finalize arriving after
--     it (the other Worker committed) takes its units out of dead-lettered and deletes the dead letter (finalize.lua);
--     a hold already indexed is not dead-lettered twice.
local k = { stock = @StockKey, holds = @HoldsKey, dead_holds = @DeadHoldsKey }
local hold_id, entry_id = @HoldId, @EntryId

local entry = redis.call('XRANGE', @PurchasesKey, entry_id, entry_id)
expect_types(add_event_types({ k.stock, 'hash', @DeadLettersKey, 'stream', k.dead_holds, 'hash' }, k,
  'order.dead_lettered'))
local moved = 0
local now = now_ms()
local value = find_hold(k, hold_id, now)
local completed = value and string.sub(value, 1, 1) == 'c'
if #entry == 1 and not completed and redis.call('HEXISTS', k.dead_holds, hold_id) == 0 then
  local fields = entry[1][2]
  local purchase = entry_fields(fields)
  expect_entry_counters(k, purchase)
  fields[#fields + 1] = FIELD.reason
  fields[#fields + 1] = @Reason
  local dead_letter = redis.call('XADD', @DeadLettersKey, '*', unpack(fields))
  redis.call('HSET', k.dead_holds, hold_id, dead_letter)
  for _, line in ipairs(purchase.lines) do
    redis.call('HINCRBY', k.stock, line.product .. ':d', line.quantity)
  end
  -- The order is the purchased hold as it stands; a hold long gone leaves no value, and an entry without a time no
  -- purchase time: the reader sets such an event aside rather than failing here, after the writes.
  emit(k, 'order.dead_lettered', hold_id, value or '', now, FIELD.purchased, purchase[FIELD.at] or '', FIELD.reason,
    @Reason)
  moved = 1
end
redis.call('XACK', @PurchasesKey, @Group, entry_id)
redis.call('XDEL', @PurchasesKey, entry_id)
return moved
