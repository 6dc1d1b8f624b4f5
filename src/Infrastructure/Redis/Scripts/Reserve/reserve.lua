-- Takes holds for a batch of reserve requests on one shard, in the order given, each decided exactly as if it had been
-- sent alone: replay an idempotency key, reclaim a few overdue holds of the shard, check every product of the request,
-- its sale window, the limit and the stock, then write. A request of several products (a cart) is held whole or not at
-- all: every check of every line comes before its first write. One reply per request, in order.
-- KEYS: stock, catalog, holds, due, tally, then the idempotency keys.
-- ARGV: request count, reclaim batch, idempotency TTL (ms), then per request: its products (16 bytes each, back to back),
-- hold id, customer, the quantities of its products (comma-separated, in order), the KEYS index of its idempotency key
-- (0 for none), the hold seconds it asks for (0: the shortest of its products'), and the customer's field in the index of
-- holds by customer (mine:<hour>, see lib.lua).
-- Every key's type is checked before the first write, so a corrupt key fails the call whole and changes nothing; a
-- request whose own data is unusable gets an 'invalid' reply and changes nothing, and the others go on. A refusal names
-- the product of the line it concerns, last.
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
-- The products of a request, 16 bytes each; nil when the bytes are not whole ids.
local function products_of(products)
  if #products == 0 or #products % 16 ~= 0 then
    return nil
  end
  local list = {}
  for at = 1, #products, 16 do
    list[#list + 1] = string.sub(products, at, at + 15)
  end
  return list
end

-- Each product's catalog entry, read once per call (the type checks below and every request of the batch use it; the
-- catalog does not change during the call): false when the product has no terms, else { terms = the parsed terms, nil
-- when they are malformed }.
local catalog_entries = {}
local function catalog_entry(product)
  if catalog_entries[product] == nil then
    local terms = redis.call('HGET', k.catalog, product)
    catalog_entries[product] = terms and { terms = parse_terms(terms) } or false
  end
  return catalog_entries[product]
end

for i = 1, count do
  local base = 3 + (i - 1) * FIELDS
  local shortest
  for _, product in ipairs(products_of(ARGV[base + 1]) or {}) do
    local parsed = catalog_entry(product) and catalog_entry(product).terms
    if parsed then
      shortest = math.min(shortest or parsed.hold_seconds, parsed.hold_seconds)
    end
  end
  if shortest then
    local requested = tonumber(ARGV[base + 6])
    local hold_seconds = requested and requested > 0 and requested < shortest and requested or shortest
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

-- The lines of a request, each a product and its quantity; nil and why when they are unusable.
local function parse_lines(products, quantities)
  local list = products_of(products)
  if not list or #list > MAX_LINES then
    return nil, 'a request holds 1 to ' .. MAX_LINES .. ' products of 16 bytes each'
  end
  local lines, seen = {}, {}
  for quantity in string.gmatch(quantities, '[^,]+') do
    quantity = tonumber(quantity)
    if not quantity or quantity < 1 or quantity > 65535 or quantity ~= math.floor(quantity) then
      return nil, 'quantity must be a whole number from 1 to 65535'
    end
    lines[#lines + 1] = { product = list[#lines + 1], quantity = quantity }
  end
  if #lines ~= #list then
    return nil, 'a request has one quantity per product'
  end
  for _, line in ipairs(lines) do
    if seen[line.product] then
      return nil, 'a product appears twice in one request'
    end
    seen[line.product] = true
  end
  return lines
end

-- Why the request's own stock or tallies cannot be moved (not integers), or nil; read before the first write, so that
-- a line's HINCRBY cannot fail after another line's.
local function unusable_counters(lines, customer)
  for _, line in ipairs(lines) do
    if not counter(redis.call('HGET', k.stock, line.product .. ':h') or '0')
        or (line.tallied and not counter(redis.call('HGET', k.tally, line.product .. customer) or '0')) then
      return 'the held units or the tally of a product of the request are not integers'
    end
  end
  return nil
end

local function reserve(products, hold_id, customer, quantities, idempotency_key, requested_seconds, customer_field)
  local lines, problem = parse_lines(products, quantities)
  if not lines then
    return { 'invalid', problem }
  end
  if not requested_seconds or requested_seconds < 0 or requested_seconds ~= math.floor(requested_seconds) then
    return { 'invalid', "hold seconds must be a whole number, 0 for the product's" }
  end
  if not customer_field or customer_field == '' then
    return { 'invalid', "the customer's field in the index of holds is missing" }
  end
  -- What the request asked for: a replay must ask the same (IdempotencyClaims.cs builds it alike).
  local fingerprint = products .. '|' .. quantities .. (requested_seconds > 0 and 's' .. requested_seconds or '')
  if idempotency_key then
    local prior = redis.call('GET', idempotency_key)
    if prior then
      if string.sub(prior, 1, #fingerprint + 1) == fingerprint .. '|' then
        return { 'replay', string.sub(prior, #fingerprint + 2) }
      end
      return { 'key-reused' }
    end
  end

  -- Every line's terms, in order. A cart's products all belong to one sale (which placed them in this shard); its
  -- hold lasts as long as its shortest product's.
  local hold_seconds, sale
  for _, line in ipairs(lines) do
    local entry = catalog_entry(line.product)
    if not entry then
      return { 'not-found', line.product }
    end
    local terms = entry.terms
    if not terms then
      return { 'invalid', 'the product has malformed terms' }
    end
    -- The sale window by this call's TIME, so every API instance refuses and accepts from the same millisecond.
    if terms.paused or (terms.opens_at and now < terms.opens_at) or (terms.closes_at and now >= terms.closes_at) then
      return { 'sale-not-open', terms.opens_at and now < terms.opens_at and string.format('%d', terms.opens_at) or '',
               line.product }
    end
    if #lines > 1 and (terms.sale == '' or (sale and terms.sale ~= sale)) then
      return { 'not-one-sale', line.product }
    end
    sale = terms.sale
    hold_seconds = math.min(hold_seconds or terms.hold_seconds, terms.hold_seconds)
    line.limit, line.price, line.tallied = terms.limit, terms.price, terms.limit ~= ''
  end
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

  problem = unusable_counters(lines, customer)
  if problem then
    return { 'invalid', problem }
  end
  for _, line in ipairs(lines) do
    local available = redis.call('HGET', k.stock, line.product .. ':a')
    if not available then
      return { 'not-found', line.product }
    end
    available = counter(available)
    if not available then
      return { 'invalid', 'the available units of a product of the request are not an integer' }
    end
    if line.tallied then
      local used = tonumber(redis.call('HGET', k.tally, line.product .. customer) or '0')
      if used + line.quantity > tonumber(line.limit) then
        return { 'limit-exceeded', line.limit, line.product }
      end
    end
    if available < line.quantity then
      return { 'out-of-stock', tostring(available), line.product }
    end
  end
  if redis.call('HEXISTS', k.holds, hold_id) == 1 then
    return { 'invalid', 'hold id already in use' }
  end

  local deadline = now + hold_seconds * 1000
  local hold = pack_hold({ status = 'h', lines = lines, created = now, deadline = deadline, customer = customer })
  redis.call('HSET', k.holds, hold_id, hold)
  for _, line in ipairs(lines) do
    redis.call('HINCRBY', k.stock, line.product .. ':a', -line.quantity)
    redis.call('HINCRBY', k.stock, line.product .. ':h', line.quantity)
    if line.tallied then
      redis.call('HINCRBY', k.tally, line.product .. customer, line.quantity)
    end
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
  replies[i] = reserve(ARGV[base + 1], ARGV[base + 2], ARGV[base + 3], ARGV[base + 4],
    idempotency_index > 0 and KEYS[idempotency_index] or nil, tonumber(ARGV[base + 6]), ARGV[base + 7])
end
if indexed then
  redis.call('EXPIREAT', mine, (hour_of(now) + 1) * 3600 + MINE_KEEP_S)
end
return replies
