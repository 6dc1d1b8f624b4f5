-- Adds units to (or removes units from) what is available. Removing more than is available is refused whole.
local product, delta = @ProductId, tonumber(@Delta)
local available = redis.call('HGET', @StockKey, product .. ':a')
if not available then
  return { 'not-found' }
end
available = tonumber(available)
if available + delta < 0 then
  return { 'insufficient-available', tostring(available) }
end
return { 'adjusted', tostring(redis.call('HINCRBY', @StockKey, product .. ':a', delta)) }
