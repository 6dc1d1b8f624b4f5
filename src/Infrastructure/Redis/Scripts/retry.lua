-- An admin fixed the cause: the dead-lettered purchase goes back to the purchase stream, to be persisted again. Its
-- hold leaves the dead-holds index (deadletter.lua), so that it may be dead-lettered again.
local entry_id = @EntryId
local entry = redis.call('XRANGE', @DeadLettersKey, entry_id, entry_id)
if #entry == 0 then
  return 0
end
expect_types({ @StockKey, 'hash', @PurchasesKey, 'stream', @DeadHoldsKey, 'hash' })
local fields, kept, purchase = entry[1][2], {}, {}
for i = 1, #fields, 2 do
  purchase[fields[i]] = fields[i + 1]
  if fields[i] ~= 'reason' then
    kept[#kept + 1] = fields[i]
    kept[#kept + 1] = fields[i + 1]
  end
end
redis.call('XADD', @PurchasesKey, '*', unpack(kept))
redis.call('HINCRBY', @StockKey, purchase.product .. ':d', -tonumber(purchase.quantity))
redis.call('HDEL', @DeadHoldsKey, purchase.hold)
redis.call('XDEL', @DeadLettersKey, entry_id)
return 1
