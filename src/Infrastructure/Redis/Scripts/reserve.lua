-- Takes a hold on a product, or says why not. One atomic step:
-- replay an idempotency key, reclaim a few overdue holds of the shard, check the limit, check the stock, then write.
-- Every key is read (or its type checked) before the first write.
local k = { stock = @StockKey, holds = @HoldsKey, deadlines = @DeadlinesKey, tally = @TallyKey, finished = @FinishedKey }
local product, hold_id, customer, quantity = @ProductId, @HoldId, @Customer, tonumber(@Quantity)
local idempotency_key = @IdempotencyKey
-- What the request asked for: a replay must ask the same.
local fingerprint = product .. '|' .. quantity
local now = now_ms()

if @UseIdempotencyKey == '1' then
  local prior = redis.call('GET', idempotency_key)
  if prior then
    if string.sub(prior, 1, #fingerprint + 1) == fingerprint .. '|' then
      return { 'replay', string.sub(prior, #fingerprint + 2) }
    end
    return { 'key-reused' }
  end
end

local terms = redis.call('HGET', @CatalogKey, product)
if not terms then
  return { 'not-found' }
end
local hold_seconds, limit, price = string.match(terms, '^(%d+)|(%d*)|(.+)$')

expire_due(k, now, tonumber(@ReclaimBatch))

local available = redis.call('HGET', k.stock, product .. ':a')
if not available then
  return { 'not-found' }
end
available = tonumber(available)

local tallied = limit ~= ''
if tallied then
  local used = tonumber(redis.call('HGET', k.tally, product .. customer) or '0')
  if used + quantity > tonumber(limit) then
    return { 'limit-exceeded', limit }
  end
end
if available < quantity then
  return { 'out-of-stock', tostring(available) }
end

local deadline = now + tonumber(hold_seconds) * 1000
local hold = pack_hold({ status = 'h', tallied = tallied, product = product, quantity = quantity, created = now,
  deadline = deadline, price = price, customer = customer })
if redis.call('HSETNX', k.holds, hold_id, hold) == 0 then
  return redis.error_reply('hold id already in use')
end
redis.call('HINCRBY', k.stock, product .. ':a', -quantity)
redis.call('HINCRBY', k.stock, product .. ':h', quantity)
if tallied then
  redis.call('HINCRBY', k.tally, product .. customer, quantity)
end
redis.call('ZADD', k.deadlines, deadline, hold_id)
-- The value is never read. 1 is one of Redis's shared integers (used under noeviction): the key allocates no value.
redis.call('SET', @TtlKey, 1, 'PX', tonumber(hold_seconds) * 1000)
if @UseIdempotencyKey == '1' then
  -- The hold id has a fixed length, so the hold follows it with no separator.
  redis.call('SET', idempotency_key, fingerprint .. '|' .. hold_id .. hold, 'PX', tonumber(@IdempotencyTtlMs))
end
return { 'reserved', hold }
