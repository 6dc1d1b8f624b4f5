-- The owner moves a held hold's deadline later, never past its cap: its creation plus its product's max hold seconds
-- (the product's terms as they are now; a cart's strictest product's). The hold moves from its old expiry bucket to the
-- new one in the same step, so an expiry that pops the old bucket no longer finds it and the bucket that lists it is
-- never earlier than its deadline (hold_fate's rule). At or past the deadline it is expired instead, as a late purchase
-- is: either extended or expired, never both. With an idempotency key, a repeat asking the same seconds answers what the
-- first extension did.
-- KEYS: stock, catalog, holds, due, tally, then the idempotency key when one is given.
-- ARGV: hold id, customer, seconds, idempotency TTL (ms).
local k = { stock = KEYS[1], catalog = KEYS[2], holds = KEYS[3], due = KEYS[4], tally = KEYS[5] }
local idempotency_key = KEYS[6]
local hold_id, customer, seconds, idempotency_ttl = ARGV[1], ARGV[2], tonumber(ARGV[3]), tonumber(ARGV[4])
local now = now_ms()

if not seconds or seconds < 1 or seconds ~= math.floor(seconds) then
  error('seconds must be a whole number of at least 1')
end

-- The key's record: the seconds asked, '|', then the hold as the first extension left it.
local fingerprint = seconds .. '|'
if idempotency_key then
  expect_types({ idempotency_key, 'string' })
  local prior = redis.call('GET', idempotency_key)
  if prior then
    if string.sub(prior, 1, #fingerprint) == fingerprint then
      return { 'extended', string.sub(prior, #fingerprint + 1) }
    end
    return { 'key-reused' }
  end
end

local state, value, hold = owned_hold(k, hold_id, customer, now)
if state == 'purchased' then
  return { 'already-purchased' }
end
if state then
  return { state }
end

local old_second = math.ceil(hold.deadline / 1000)
local deadline = hold.deadline + seconds * 1000
local new_second = math.ceil(deadline / 1000)
local types = add_event_types({ k.stock, 'hash', k.tally, 'hash', ended_now(k, now), 'hash', k.catalog, 'hash',
  k.holds, 'hash', k.due, 'zset', bucket_key(k, old_second), 'list', bucket_key(k, new_second), 'list',
  marker_key(k, new_second), 'string' }, k, 'hold.expired')
if idempotency_key then
  types[#types + 1] = idempotency_key
  types[#types + 1] = 'string'
end
expect_types(types)

if now >= hold.deadline then
  expect_counters(k, hold, { ':a', ':h' })
  local expired = 'e' .. string.sub(value, 2)
  finish_hold(k, hold_id, value, hold, 'e', now)
  emit(k, 'hold.expired', hold_id, expired, now)
  return { 'expired' }
end

-- A cart's cap is its strictest product's.
local cap
for _, line in ipairs(hold.lines) do
  local terms = redis.call('HGET', k.catalog, line.product)
  terms = terms and parse_terms(terms)
  if not terms then
    error("a product of the hold has no readable terms in this shard")
  end
  cap = math.min(cap or math.huge, hold.created + terms.max_hold_seconds * 1000)
end
if deadline > cap then
  return { 'extension-limit', tostring(cap) }
end

local extended = with_deadline(value, deadline)
redis.call('HSET', k.holds, hold_id, extended)
redis.call('LREM', bucket_key(k, old_second), 1, hold_id)
if redis.call('EXISTS', bucket_key(k, old_second)) == 0 then
  redis.call('ZREM', k.due, old_second)
end
redis.call('RPUSH', bucket_key(k, new_second), hold_id)
if redis.call('ZADD', k.due, 'NX', new_second, new_second) == 1 then
  redis.call('SET', marker_key(k, new_second), 1, 'NX', 'PXAT', new_second * 1000)
end
if idempotency_key then
  redis.call('SET', idempotency_key, fingerprint .. extended, 'PX', idempotency_ttl)
end
return { 'extended', extended }
