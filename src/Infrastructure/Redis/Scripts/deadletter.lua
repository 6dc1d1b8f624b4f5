-- PostgreSQL refused a purchase for good: the entry moves, with the reason, to the dead-letter stream and its units
-- count as dead-lettered (still a part of purchasing) until an admin retries it. Nothing is dropped.
local k = { stock = @StockKey, holds = @HoldsKey }
local entry_id = @EntryId

local entry = redis.call('XRANGE', @PurchasesKey, entry_id, entry_id)
expect_types({ k.stock, 'hash', @DeadLettersKey, 'stream' })
if #entry == 1 then
  local fields = entry[1][2]
  local purchase = {}
  for i = 1, #fields, 2 do
    purchase[fields[i]] = fields[i + 1]
  end
  fields[#fields + 1] = 'reason'
  fields[#fields + 1] = @Reason
  redis.call('XADD', @DeadLettersKey, '*', unpack(fields))
  redis.call('HINCRBY', k.stock, purchase.product .. ':d', tonumber(purchase.quantity))
end
redis.call('XACK', @PurchasesKey, @Group, entry_id)
redis.call('XDEL', @PurchasesKey, entry_id)
return #entry
