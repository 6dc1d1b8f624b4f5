-- Takes holds for a batch of reserve requests on one shard, in the order given, each decided exactly as if it had been
-- sent alone: replay an idempotency key, reclaim a few overdue holds of the shard, check the product, its sale window,
-- the limit and the stock, then write. One reply per request, in order.
-- KEYS: stock, catalog, holds, due, tally, then the idempotency keys.
-- ARGV: request count, reclaim batch, idempotency TTL (ms), then per request: product, hold id, customer, quantity,
-- the KEYS index of its idempotency key (0 for none), the hold seconds it asks for (0: the product's), and the
-- customer's field in the index of holds by customer (mine:<hour>, see lib.lua).
-- Every key's type is checked before the first write, so a corrupt key fails the call whole and changes nothing; a
-- request whose own data is unusable gets an 'invalid' reply and changes nothing, and the others go on.
local k = { stock = KEYS[1], catalog = KEYS[2], holds = KEYS[3], due = KEYS[4], tally = KEYS[5] }
local count, reclaim_batch, idempotency_ttl = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local FIELDS = 7
local now = now_ms()

-- The second whose bucket a hold taken now for this many seconds goes in.
local function due_second(hold_seconds)
  return math.ceil((now + hold_seconds * 1000) / 1000)
end

-- The keys every request may write: those of the shard, the buckets lazy reclaim may visit (no bucket is added to
-- them during the call, since a new hold is due after now), each request's bucket and marker (named by its product's
-- hold duration or its own, when shorter), its idempotency key, the index of this hour's holds by customer, and the
-- events stream when hold.created or hold.expired is switched on.
local mine = mine_key(k, hour_of(now))
local types = add_expiry_types({ k.catalog, 'hash', mine, 'hash' }, k, now, due_seconds(k, now, count * reclaim_batch))
add_event_types(types, k, 'hold.created')
for i = 1, count do
  local base = 3 + (i - 1) * FIELDS
  local terms = redis.call('HGET', k.catalog, ARGV[base + 1])
  local parsed = terms and parse_terms(terms)
  if parsed then
    local requested = tonumber(ARGV[base + 6])
    local hold_seconds = requested and requested > 0 and requested < parsed.hold_seconds and requested
      or parsed.hold_seconds
    types[#types + 1] = bucket_key(k, due_second(hold_seconds))
    types[#types + 1] = 'list'
    types[#types + 1] = marker_key(k, due_second(hold_seconds))
    types[#types + 1] = 'string'
  end
  local idempotency_index = tonumber(ARGV[base + 5])
  if idempotency_index and idempotency_index > 0 then
    types[#types + 1] = KEYS[idempotency_index]
    types[#types + 1] = 'string'
  end
end
expect_types(types)

local indexed = false

-- A lone reserve reclaims up to reclaim_batch overdue holds; once one stops short of that, none is left for the next.
local may_have_due = true

local function reserve(product, hold_id, customer, quantity, idempotency_key, requested_seconds, customer_field)
  if not quantity or quantity < 1 or quantity > 65535 or quantity ~= math.floor(quantity) then
    return { 'invalid', 'quantity must be a whole number from 1 to 65535' }
  end
  if not requested_seconds or requested_seconds < 0 or requested_seconds ~= math.floor(requested_seconds) then
    return { 'invalid', "hold seconds must be a whole number, 0 for the product's" }
  end
  if not customer_field or customer_field == '' then
    return { 'invalid', "the customer's field in the index of holds is missing" }
  end
  -- What the request asked for: a replay must ask the same (IdempotencyClaims.cs builds it alike).
  local fingerprint = product .. '|' .. quantity .. (requested_seconds > 0 and 's' .. requested_seconds or '')
  if idempotency_key then
    local prior = redis.call('GET', idempotency_key)
    if prior then
      if string.sub(prior, 1, #fingerprint + 1) == fingerprint .. '|' then
        return { 'replay', string.sub(prior, #fingerprint + 2) }
      end
      return { 'key-reused' }
    end
  end

  local terms = redis.call('HGET', k.catalog, product)
  if not terms then
    return { 'not-found' }
  end
  terms = parse_terms(terms)
  if not terms then
    return { 'invalid', 'the product has malformed terms' }
  end
  -- The sale window by this call's TIME, so every API instance refuses and accepts from the same millisecond.
  if terms.paused or (terms.opens_at and now < terms.opens_at) or (terms.closes_at and now >= terms.closes_at) then
    return { 'sale-not-open', terms.opens_at and now < terms.opens_at and string.format('%d', terms.opens_at) or '' }
  end
  local hold_seconds, limit, price = terms.hold_seconds, terms.limit, terms.price
  if requested_seconds > hold_seconds then
    return { 'hold-too-long', tostring(hold_seconds) }
  end
  if requested_seconds > 0 then
    hold_seconds = requested_seconds
  end

  if may_have_due then
    local _, more = expire_due(k, now, reclaim_batch)
    may_have_due = more
  end

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
  if redis.call('HEXISTS', k.holds, hold_id) == 1 then
    return { 'invalid', 'hold id already in use' }
  end

  local deadline = now + hold_seconds * 1000
  local hold = pack_hold({ status = 'h', tallied = tallied, product = product, quantity = quantity, created = now,
    deadline = deadline, price = price, customer = customer })
  redis.call('HSET', k.holds, hold_id, hold)
  redis.call('HINCRBY', k.stock, product .. ':a', -quantity)
  redis.call('HINCRBY', k.stock, product .. ':h', quantity)
  if tallied then
    redis.call('HINCRBY', k.tally, product .. customer, quantity)
  end
  local second = due_second(hold_seconds)
  redis.call('RPUSH', bucket_key(k, second), hold_id)
  if redis.call('ZADD', k.due, 'NX', second, second) == 1 then
    -- The value is never read. 1 is one of Redis's shared integers (used under noeviction): it allocates no value.
    redis.call('SET', marker_key(k, second), 1, 'NX', 'PXAT', second * 1000)
  end
  if idempotency_key then
    -- The hold id has a fixed length, so the hold follows it with no separator.
    redis.call('SET', idempotency_key, fingerprint .. '|' .. hold_id .. hold, 'PX', idempotency_ttl)
  end
  -- Hold ids have a fixed length, so they follow each other with no separator; the newest MINE_KEPT are kept.
  local listed = (redis.call('HGET', mine, customer_field) or '') .. hold_id
  redis.call('HSET', mine, customer_field, string.sub(listed, -MINE_KEPT * #hold_id))
  indexed = true
  emit(k, 'hold.created', hold_id, hold, now)
  return { 'reserved', hold }
end

local replies = {}
for i = 1, count do
  local base = 3 + (i - 1) * FIELDS
  local idempotency_index = tonumber(ARGV[base + 5])
  replies[i] = reserve(ARGV[base + 1], ARGV[base + 2], ARGV[base + 3], tonumber(ARGV[base + 4]),
    idempotency_index > 0 and KEYS[idempotency_index] or nil, tonumber(ARGV[base + 6]), ARGV[base + 7])
end
if indexed then
  redis.call('EXPIREAT', mine, (hour_of(now) + 1) * 3600 + MINE_KEEP_S)
end
return replies
