-- An admin fixed the cause: the dead-lettered purchase goes back to the purchase stream, to be persisted again. Its
-- hold leaves the dead-holds index (deadletter.lua), so that it may be dead-lettered again.
local entry_id = @EntryId
local entry = redis.call('XRANGE', @DeadLettersKey, entry_id, entry_id)
if #entry == 0 then
  return 0
end
expect_types({ @StockKey, 'hash', @PurchasesKey, 'stream', @DeadHoldsKey, 'hash' })
local fields, kept = entry[1][2], {}
local purchase = entry_fields(fields)
expect_entry_counters({ stock = @StockKey }, purchase)
for i = 1, #fields, 2 do
  if fields[i] ~= FIELD.reason then
    kept[#kept + 1] = fields[i]
    kept[#kept + 1] = fields[i + 1]
  end
end
redis.call('XADD', @PurchasesKey, '*', unpack(kept))
for _, line in ipairs(purchase.lines) do
  redis.call('HINCRBY', @StockKey, line.product .. ':d', -line.quantity)
end
redis.call('HDEL', @DeadHoldsKey, purchase[FIELD.hold])
redis.call('XDEL', @DeadLettersKey, entry_id)
return 1
