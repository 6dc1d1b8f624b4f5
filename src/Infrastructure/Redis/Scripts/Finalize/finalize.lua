-- After PostgreSQL committed a batch of purchases of one shard: each hold becomes completed, the units of its lines
-- leave purchasing, and every entry is acknowledged and deleted. Idempotent: a redelivered entry of a completed hold is
-- only acknowledged. A hold another Worker dead-lettered meanwhile (see deadletter.lua) was committed all the same: its
-- units leave dead-lettered too and its dead letter is deleted, so Redis agrees with PostgreSQL. @HoldIds packs the
-- holds' 14-byte ids back to back; @EntryIds lists their entries, comma-separated, in the same order. The loop is
-- bounded by the batch the caller sends.
local k = { stock = @StockKey, holds = @HoldsKey, purchases = @PurchasesKey, dead_letters = @DeadLettersKey,
            dead_holds = @DeadHoldsKey }
local HOLD_ID_LENGTH = 14
local hold_ids, entry_ids = @HoldIds, {}
for entry_id in string.gmatch(@EntryIds, '[^,]+') do
  entry_ids[#entry_ids + 1] = entry_id
end
if #hold_ids ~= #entry_ids * HOLD_ID_LENGTH then
  error('finalize: ' .. #entry_ids .. ' entries but ' .. #hold_ids .. ' bytes of hold ids')
end
local now = now_ms()
expect_types({ k.holds, 'hash', k.stock, 'hash', ended_now(k, now), 'hash', k.purchases, 'stream',
  k.dead_letters, 'stream', k.dead_holds, 'hash' })
if #entry_ids == 0 then
  return 0
end

-- The holds to complete, read and their counters proven integers before the first write: a line's HINCRBY must not
-- fail after another line's. A hold listed twice (its entry delivered twice into one batch) completes once.
local completing, seen = {}, {}
for i = 1, #entry_ids do
  local hold_id = string.sub(hold_ids, (i - 1) * HOLD_ID_LENGTH + 1, i * HOLD_ID_LENGTH)
  local value = not seen[hold_id] and redis.call('HGET', k.holds, hold_id)
  seen[hold_id] = true
  if value and string.sub(value, 1, 1) == 'p' then
    local hold = parse_hold(value)
    local dead_letter = redis.call('HGET', k.dead_holds, hold_id)
    for _, line in ipairs(hold.lines) do
      if not counter(redis.call('HGET', k.stock, line.product .. ':p') or '0')
          or (dead_letter and not counter(redis.call('HGET', k.stock, line.product .. ':d') or '0')) then
        error("finalize: the purchasing or dead-lettered units of a product of a hold are not integers")
      end
    end
    completing[#completing + 1] = { id = hold_id, value = value, hold = hold, dead_letter = dead_letter }
  end
end

for _, done in ipairs(completing) do
  for _, line in ipairs(done.hold.lines) do
    redis.call('HINCRBY', k.stock, line.product .. ':p', -line.quantity)
    if done.dead_letter then
      redis.call('HINCRBY', k.stock, line.product .. ':d', -line.quantity)
    end
  end
  if done.dead_letter then
    redis.call('XDEL', k.dead_letters, done.dead_letter)
    redis.call('HDEL', k.dead_holds, done.id)
  end
  end_hold(k, done.id, done.value, 'c', now)
end
redis.call('XACK', k.purchases, @Group, unpack(entry_ids))
redis.call('XDEL', k.purchases, unpack(entry_ids))
return #entry_ids
