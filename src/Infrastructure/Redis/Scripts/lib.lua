-- Shared by every gate script (prepended when the scripts are loaded).
-- Ids are raw bytes: a product id its 16 bytes, a hold id its first 14 (its last two name the shard, which every
-- key's hash tag already says). A hold is one field of a hash; its value packs, numbers big-endian, for one product:
--   offset  0  status     1 byte   h held, p purchased, c completed, r released, e expired
--           1  tallied    1 byte   '1' when its quantity counts against the customer's limit, else '0'
--           2  product   16 bytes
--          18  quantity   2 bytes
--          20  created    6 bytes  Unix ms of Redis TIME
--          26  deadline   6 bytes  Unix ms
--          32  the unit price as the catalog writes it, '|', then the customer id (last, so it may hold '|')
-- and a hold of several products (a cart, docs/decisions/015), whose second byte 'L' no one-product hold has:
--   offset  0  status     1 byte
--           1  'L'        1 byte
--           2  lines      1 byte   how many, 2 to 20
--           3  created    6 bytes
--           9  deadline   6 bytes
--          15  per line, 19 bytes: tallied (1), product (16), quantity (2)
--              then the lines' unit prices, comma-separated, '|', then the customer id
-- The status comes first so that a transition rewrites one byte. HoldCodec.cs reads the same layouts.
-- Stock per product lives in the shard's stock hash: <productId>:a available, :h held, :p purchasing,
-- :d dead-lettered (a part of purchasing that PostgreSQL refused); the shard's dead-holds hash maps each dead-lettered
-- hold to its dead-letter entry (deadletter.lua).
-- Live holds (held, purchased) are fields of the shard's holds hash. A hold that ends (completed, released, expired)
-- moves to ended:<hour it ended>, a hash that expires whole ENDED_KEEP_S after that hour: no scan purges it.
-- Expiry is indexed by second, not by hold: a hold due at d is pushed on the list b:<ceil(d / 1000)>, the zset due
-- lists those seconds (member and score alike), and the string m:<second> expires at that second, so Redis's
-- keyspace event tells the Worker when a bucket is due. A hold purchased or released early stays in its bucket and
-- is skipped when the bucket is popped. See docs/decisions/006-lean-layout.md.
local HOLD_HEAD = '>c1c1c16I2I6I6'
local CART_HEAD = '>c1c1BI6I6'
local CART_HEAD_LENGTH = 15
local CART_LINE = '>c1c16I2'
local CART_LINE_LENGTH = 19
local MAX_LINES = 20
local ENDED_KEEP_S = 86400
-- A customer's holds are indexed by the hour they were made in: the hash mine:<hour> maps the customer's field (a hash
-- of the id: no user byte) to the ids of the holds they took in that hour in this shard, 14 bytes each, in order.
-- reserve.lua writes it with the hold (docs/decisions/014). The hash expires whole once no hold made in its hour can
-- still be read: a hold lives at most a day (its cap), then its ended hash stays until the end of the hour it ended in
-- plus ENDED_KEEP_S.
local MINE_KEEP_S = 86400 + 3600 + ENDED_KEEP_S
-- The index keeps a customer's newest MINE_KEPT holds per shard and hour: each reserve copies the customer's list, so
-- the copy stays small however many holds a customer takes (a product without a per-customer limit allows any number).
local MINE_KEPT = 64
-- The field names of the entries the scripts append to the shard's streams (purchases, dead letters, events, quarantine,
-- availability feeds); StreamFields.cs names them for the readers in C#.
local FIELD = { hold = 'hold', product = 'product', quantity = 'quantity', price = 'price', customer = 'customer',
  at = 'at', created = 'created', deadline = 'deadline', traceparent = 'traceparent', reason = 'reason', type = 'type',
  value = 'value', purchased = 'purchased', kind = 'kind', bucket = 'bucket', entry = 'entry', available = 'available',
  held = 'held', sold = 'sold' }
-- A misspelt name is an error where it is used (every use is under test), not an entry with a field missing.
setmetatable(FIELD, { __index = function(_, name) error('unknown stream field ' .. tostring(name)) end })

-- Every key of a shard is its holds key's name with another last part ('holds' is 5 bytes), so all share its hash
-- tag and slot. Keys named by time are derived here rather than passed in KEYS, since a caller cannot know them.
local function shard_key(k, name)
  return string.sub(k.holds, 1, -6) .. name
end

local function bucket_key(k, second)
  return shard_key(k, 'b:' .. second)
end

local function marker_key(k, second)
  return shard_key(k, 'm:' .. second)
end

local function hour_of(ms)
  return math.floor(ms / 3600000)
end

local function ended_key(k, hour)
  return shard_key(k, 'ended:' .. hour)
end

local function mine_key(k, hour)
  return shard_key(k, 'mine:' .. hour)
end

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Called before a script's first write: a quantity the 2-byte field cannot hold fails the script whole rather than
-- being truncated while the stock moves by all of it.
local function pack_hold(hold)
  local lines = hold.lines
  for _, line in ipairs(lines) do
    if line.quantity < 1 or line.quantity > 65535 then
      error('quantity ' .. line.quantity .. ' does not fit a hold')
    end
  end
  if #lines == 1 then
    local line = lines[1]
    return struct.pack(HOLD_HEAD, hold.status, line.tallied and '1' or '0', line.product, line.quantity, hold.created,
      hold.deadline) .. line.price .. '|' .. hold.customer
  end
  if #lines > MAX_LINES then
    error(#lines .. ' lines do not fit a hold')
  end
  local packed, prices = { struct.pack(CART_HEAD, hold.status, 'L', #lines, hold.created, hold.deadline) }, {}
  for i, line in ipairs(lines) do
    packed[#packed + 1] = struct.pack(CART_LINE, line.tallied and '1' or '0', line.product, line.quantity)
    prices[i] = line.price
  end
  return table.concat(packed) .. table.concat(prices, ',') .. '|' .. hold.customer
end

-- A hold's fields, its lines in order (each: product, quantity, price, tallied, and `flag`, the tallied byte as stored).
local function parse_hold(value)
  if string.sub(value, 2, 2) ~= 'L' then
    local status, flag, product, quantity, created, deadline, tail = struct.unpack(HOLD_HEAD, value)
    local price, customer = string.match(string.sub(value, tail), '^([^|]*)|(.*)$')
    return { status = status, created = created, deadline = deadline, customer = customer,
             lines = { { product = product, quantity = quantity, price = price, tallied = flag == '1', flag = flag } } }
  end
  local status, _, count, created, deadline = struct.unpack(CART_HEAD, value)
  local tail_at = CART_HEAD_LENGTH + count * CART_LINE_LENGTH + 1
  local prices, customer = string.match(string.sub(value, tail_at), '^([^|]*)|(.*)$')
  local lines = {}
  for price in string.gmatch(prices or '', '[^,]+') do
    lines[#lines + 1] = { price = price }
  end
  if #lines ~= count then
    error('a cart of ' .. count .. ' lines with ' .. #lines .. ' prices')
  end
  for i, line in ipairs(lines) do
    local flag, product, quantity = struct.unpack(CART_LINE, value, CART_HEAD_LENGTH + (i - 1) * CART_LINE_LENGTH + 1)
    line.flag, line.product, line.quantity, line.tallied = flag, product, quantity, flag == '1'
  end
  return { status = status, created = created, deadline = deadline, customer = customer, lines = lines }
end

-- The value with another deadline, in either layout.
local function with_deadline(value, deadline)
  local at = string.sub(value, 2, 2) == 'L' and 9 or 26
  return string.sub(value, 1, at) .. struct.pack('>I6', deadline) .. string.sub(value, at + 7)
end

-- A hold's packed value, live or ended, or nil. An ended hold is looked for in the hourly hashes still kept, newest
-- first (most reads of an ended hold come soon after it ended); the id's bytes are not trusted to say when it was made.
local function find_hold(k, hold_id, now)
  local value = redis.call('HGET', k.holds, hold_id)
  if value then
    return value
  end
  local this_hour = hour_of(now)
  for hour = this_hour, this_hour - ENDED_KEEP_S / 3600, -1 do
    value = redis.call('HGET', ended_key(k, hour), hold_id)
    if value then
      return value
    end
  end
  return nil
end

-- The customer's hold (packed value and parsed), or nil: someone else's hold is as good as missing.
local function find_owned_hold(k, hold_id, customer, now)
  local value = find_hold(k, hold_id, now)
  if not value then
    return nil
  end
  local hold = parse_hold(value)
  if hold.customer ~= customer then
    return nil
  end
  return value, hold
end

-- The start of a change by a hold's owner (purchase, release, extend): the customer's hold and what it has become
-- already, so the script can answer that without a write. Returns the state, 'not-found' (no such hold of this
-- customer), 'purchased' (purchased or completed), 'released' or 'expired', or nil when it may still change; then the
-- packed value and the parsed hold.
local function owned_hold(k, hold_id, customer, now)
  local value, hold = find_owned_hold(k, hold_id, customer, now)
  if not value then
    return 'not-found'
  end
  if hold.status == 'p' or hold.status == 'c' then
    return 'purchased', value, hold
  end
  if hold.status == 'r' then
    return 'released', value, hold
  end
  if hold.status == 'e' then
    return 'expired', value, hold
  end
  return nil, value, hold
end

-- Redis has no rollback: prove each key's type before the first write, so a corrupt key fails the script whole.
local function expect_types(keys_and_types)
  for i = 1, #keys_and_types, 2 do
    local actual = redis.call('TYPE', keys_and_types[i])['ok']
    if actual ~= 'none' and actual ~= keys_and_types[i + 1] then
      error('WRONGTYPE ' .. keys_and_types[i] .. ' is a ' .. actual .. ', expected a ' .. keys_and_types[i + 1])
    end
  end
end

-- A product's terms, the value of its field in the shard's catalog (init.lua writes them from PostgreSQL):
-- "holdSeconds|limit|maxHoldSeconds|opensAt|closesAt|paused|price", limit and the sale window (Unix ms) empty when there
-- is none, paused '1' or '0', the price last; a product of a sale has "s:<sale id>|" before paused (letters, digits,
-- '.', '_', '-'), a form the parsers before carts refuse rather than misread (docs/decisions/015). Terms written before
-- the cap and the window ("holdSeconds|limit|price") still read, with the default cap and an open sale, until the
-- Worker's warm-up writes them again. Nil when malformed.
local function parse_terms(terms)
  local hold_seconds, limit, max_hold_seconds, opens_at, closes_at, sale, paused, price =
    string.match(terms, '^(%d+)|(%d*)|(%d+)|(%d*)|(%d*)|s:([%w%._%-]+)|([01])|(.+)$')
  if not hold_seconds then
    sale = ''
    hold_seconds, limit, max_hold_seconds, opens_at, closes_at, paused, price =
      string.match(terms, '^(%d+)|(%d*)|(%d+)|(%d*)|(%d*)|([01])|(.+)$')
  end
  if not hold_seconds then
    hold_seconds, limit, price = string.match(terms, '^(%d+)|(%d*)|([^|]+)$')
    if not hold_seconds then
      return nil
    end
    max_hold_seconds, opens_at, closes_at, paused = math.min(3 * tonumber(hold_seconds), 86400), '', '', '0'
  end
  return { hold_seconds = tonumber(hold_seconds), limit = limit, max_hold_seconds = tonumber(max_hold_seconds),
           opens_at = tonumber(opens_at), closes_at = tonumber(closes_at), paused = paused == '1', sale = sale,
           price = price }
end

-- Writes a product's terms with their version (the catalog field <product>:v), unless the catalog has a later version:
-- a writer that read the product before an edit (the Worker's refresh pass, a slow create) cannot put older terms over
-- the edit's. Terms written before versions (no :v) count as version 0. Returns whether it wrote.
local function expect_terms_version(version)
  if not version or version < 1 or version ~= math.floor(version) then
    error('terms version must be a whole number of at least 1')
  end
end

local function write_terms(catalog, product, terms, version)
  expect_terms_version(version)
  if (tonumber(redis.call('HGET', catalog, product .. ':v') or '0') or 0) > version then
    return false
  end
  redis.call('HSET', catalog, product, terms, product .. ':v', version)
  return true
end

-- Webhook events: a script appends an entry to its shard's events stream, in the same step as the change, for each
-- type the shard's event-types key lists ("<generation>|<types, comma-separated>", written by switch.lua in step with
-- the subscribed endpoints). The key is read once per call, before the first write, and cached in k; without it
-- nothing more is read or written.
local function event_types(k)
  if not k.event_types then
    k.event_types = {}
    local switch = redis.call('GET', shard_key(k, 'event-types')) or ''
    for event_type in string.gmatch(string.match(switch, '^%d+|(.*)$') or '', '[^,]+') do
      k.event_types[event_type] = true
    end
  end
  return k.event_types
end

local function emits(k, event_type)
  return event_types(k)[event_type] == true
end

-- Appends to `types` the events stream when the call may emit one of the event types given.
local function add_event_types(types, k, ...)
  for _, event_type in ipairs({ ... }) do
    if emits(k, event_type) then
      types[#types + 1] = shard_key(k, 'events')
      types[#types + 1] = 'stream'
      return types
    end
  end
  return types
end

-- An entry of the events stream: the type, the hold (field and packed value, status included, as the API reads it),
-- Redis's time of the change in ms, then any other fields. Written only when the type is switched on.
local function emit(k, event_type, hold_id, value, now, ...)
  if emits(k, event_type) then
    redis.call('XADD', shard_key(k, 'events'), '*', FIELD.type, event_type, FIELD.hold, hold_id, FIELD.value, value,
      FIELD.at, now, ...)
  end
end

-- A purchase entry's fields by name, its lines (product and quantity, in order) apart: a cart's entry repeats them.
local function entry_fields(fields)
  local purchase, lines = {}, {}
  for i = 1, #fields, 2 do
    if fields[i] == FIELD.product then
      lines[#lines + 1] = { product = fields[i + 1] }
    elseif fields[i] == FIELD.quantity and lines[#lines] then
      lines[#lines].quantity = tonumber(fields[i + 1])
    else
      purchase[fields[i]] = fields[i + 1]
    end
  end
  purchase.lines = lines
  return purchase
end

-- The hash an ending hold moves to; callers prove its type before their first write.
local function ended_now(k, now)
  return ended_key(k, hour_of(now))
end

-- Moves a live hold out of the holds hash, with its new status, into the hash of the hour it ends in.
local function end_hold(k, hold_id, value, status, now)
  local hour = hour_of(now)
  local ended = ended_key(k, hour)
  redis.call('HSET', ended, hold_id, status .. string.sub(value, 2))
  redis.call('EXPIREAT', ended, (hour + 1) * 3600 + ENDED_KEEP_S)
  redis.call('HDEL', k.holds, hold_id)
end

-- Gives a held hold's stock back, every line's, and ends it released ('r') or expired ('e'). Callers check it is held.
local function finish_hold(k, hold_id, value, hold, status, now)
  for _, line in ipairs(hold.lines) do
    redis.call('HINCRBY', k.stock, line.product .. ':a', line.quantity)
    redis.call('HINCRBY', k.stock, line.product .. ':h', -line.quantity)
    if line.tallied then
      local field = line.product .. hold.customer
      if redis.call('HINCRBY', k.tally, field, -line.quantity) <= 0 then
        redis.call('HDEL', k.tally, field)
      end
    end
  end
  end_hold(k, hold_id, value, status, now)
end

-- The seconds whose buckets may hold overdue holds (bucket s holds the deadlines in ((s - 1) * 1000, s * 1000]),
-- oldest first, at most `limit`.
local function due_seconds(k, now, limit)
  return redis.call('ZRANGEBYSCORE', k.due, '-inf', math.ceil(now / 1000), 'LIMIT', 0, limit)
end

-- Appends to `types` the keys expire_due may write when it visits these seconds.
local function add_expiry_types(types, k, now, seconds)
  for _, key_and_type in ipairs({ k.holds, 'hash', k.stock, 'hash', k.tally, 'hash', k.due, 'zset',
      ended_now(k, now), 'hash' }) do
    types[#types + 1] = key_and_type
  end
  add_event_types(types, k, 'hold.expired')
  for _, second in ipairs(seconds) do
    types[#types + 1] = bucket_key(k, second)
    types[#types + 1] = 'list'
  end
  return types
end

-- The number a counter field holds, or nil when it is missing or not an integer (HINCRBY would fail on it).
local function counter(value)
  if value and string.match(value, '^%-?%d+$') then
    return tonumber(value)
  end
  return nil
end

-- Called before a script's first write: a stock field of a product of the hold (the suffixes given) or its customer's
-- tally that is not an integer would fail HINCRBY half-way through, after the hold had changed.
local function expect_counters(k, hold, suffixes)
  for _, line in ipairs(hold.lines) do
    for _, suffix in ipairs(suffixes) do
      local value = redis.call('HGET', k.stock, line.product .. suffix)
      if value and not counter(value) then
        error("the stock field '" .. suffix .. "' of a product of the hold is not an integer")
      end
    end
    local tally = line.tallied and redis.call('HGET', k.tally, line.product .. hold.customer)
    if tally and not counter(tally) then
      error("the tally of the hold's customer is not an integer")
    end
  end
end

-- Called before a script's first write: a line of a purchase entry without a whole quantity, or whose product's
-- dead-lettered units are not an integer, would fail HINCRBY after the entry had moved.
local function expect_entry_counters(k, purchase)
  if #purchase.lines == 0 then
    error('the purchase entry has no product')
  end
  for _, line in ipairs(purchase.lines) do
    if not line.quantity or line.quantity ~= math.floor(line.quantity)
        or not counter(redis.call('HGET', k.stock, line.product .. ':d') or '0') then
      error("a line of the purchase entry has no whole quantity, or its product's dead-lettered units are not an integer")
    end
  end
end

-- Why a due held hold cannot be given back, or nil when it can (its units then come off `held`, which counts per
-- product whose stock was checked the units still held once the holds this call already plans to expire are gone).
local function expiry_problem(k, hold, held)
  if not hold.customer then
    return 'it has no price|customer tail'
  end
  local planned = {}
  for _, line in ipairs(hold.lines) do
    if line.flag ~= '0' and line.flag ~= '1' then
      return "its tallied flag '" .. line.flag .. "' is not 0 or 1"
    end
    if line.quantity < 1 then
      return 'it holds no units'
    end
    local product_held = planned[line.product] or held[line.product]
    if not product_held then
      local available = redis.call('HGET', k.stock, line.product .. ':a')
      if not available then
        return 'its product has no stock in this shard'
      end
      product_held = counter(redis.call('HGET', k.stock, line.product .. ':h'))
      if not counter(available) or not product_held then
        return "its product's available or held units are not integers"
      end
    end
    if product_held < line.quantity then
      return 'it holds ' .. line.quantity .. ' units, its product only ' .. product_held
    end
    if line.tallied and not counter(redis.call('HGET', k.tally, line.product .. hold.customer) or '0') then
      return "its customer's tally is not an integer"
    end
    planned[line.product] = product_held - line.quantity
  end
  for product, units in pairs(planned) do
    held[product] = units
  end
  return nil
end

-- What becomes of the hold a bucket of this second lists, decided by reads alone: 'skip' (gone or purchased: it only
-- leaves its bucket), 'wait' (not due yet), 'expire' (with the parsed hold) or 'corrupt' (with the reason).
local function hold_fate(k, value, second, now, held)
  local status = value and string.sub(value, 1, 1)
  if not value or status == 'p' then
    return 'skip'
  end
  if status ~= 'h' then
    return 'corrupt', "its status '" .. status .. "' is not a live hold's"
  end
  local parsed, hold = pcall(parse_hold, value)
  if not parsed then
    return 'corrupt', 'it does not parse: ' .. tostring(hold)
  end
  -- A deadline past its bucket's second would keep every later bucket waiting behind it.
  if hold.deadline > second * 1000 then
    return 'corrupt', 'its deadline ' .. hold.deadline .. ' is after its bucket ' .. second
  end
  if now < hold.deadline then
    return 'wait'
  end
  local problem = expiry_problem(k, hold, held)
  if problem then
    return 'corrupt', problem
  end
  return 'expire', hold
end

-- Expires overdue holds, oldest bucket first, popping at most `limit` ids; an id whose hold is no longer held is
-- dropped, an emptied bucket leaves the index. A hold that cannot be given back (hold_fate) goes, raw, to the stream
-- k.quarantine with the reason and leaves the holds hash, its units left where they are; without k.quarantine (a
-- reserve's reclaim) the call stops before it and leaves it to the Worker. All is decided by reads before the first
-- write, so the call either fails whole, on a key of the wrong type, or does all it decided.
-- Returns, for each hold it expired, how many milliseconds past its deadline that happened; whether more may be due
-- (it stopped at `limit`); and, for each hold set aside, its id and the reason.
local function expire_due(k, now, limit)
  local delays, quarantined = {}, {}
  local seconds = due_seconds(k, now, limit)
  if #seconds == 0 then
    return delays, false, quarantined
  end
  local types = add_expiry_types({}, k, now, seconds)
  if k.quarantine then
    types[#types + 1] = k.quarantine
    types[#types + 1] = 'stream'
  end
  expect_types(types)

  local pops, expiring, corrupt, seen, held = {}, {}, {}, {}, {}
  local remaining, more = limit, false
  for _, second in ipairs(seconds) do
    local bucket = bucket_key(k, second)
    local ids = redis.call('LRANGE', bucket, 0, remaining - 1)
    local taken, stopped = 0, false
    for _, hold_id in ipairs(ids) do
      local value = not seen[hold_id] and redis.call('HGET', k.holds, hold_id) or nil
      local fate, detail = hold_fate(k, value, second, now, held)
      if fate == 'wait' or (fate == 'corrupt' and not k.quarantine) then
        -- Only the current second's bucket can be reached before all of it is due; the rest waits its turn. A
        -- reserve leaves a corrupt hold, and what follows it, to the Worker's call, which sets it aside.
        stopped = true
        break
      end
      seen[hold_id] = true
      taken = taken + 1
      if fate == 'expire' then
        expiring[#expiring + 1] = { id = hold_id, value = value, hold = detail }
      elseif fate == 'corrupt' then
        corrupt[#corrupt + 1] = { id = hold_id, value = value, reason = detail, second = second }
      end
    end
    pops[#pops + 1] = { bucket = bucket, second = second, taken = taken, emptied = not stopped and taken < remaining }
    remaining = remaining - taken
    if stopped then
      break
    end
    if remaining == 0 then
      more = true
      break
    end
  end

  for _, pop in ipairs(pops) do
    if pop.taken > 0 then
      redis.call('LTRIM', pop.bucket, pop.taken, -1)
    end
    if pop.emptied then
      redis.call('ZREM', k.due, pop.second)
    end
  end
  for _, expired in ipairs(expiring) do
    finish_hold(k, expired.id, expired.value, expired.hold, 'e', now)
    emit(k, 'hold.expired', expired.id, 'e' .. string.sub(expired.value, 2), now)
    delays[#delays + 1] = now - expired.hold.deadline
  end
  for _, set_aside in ipairs(corrupt) do
    redis.call('XADD', k.quarantine, '*', FIELD.kind, 'hold', FIELD.hold, set_aside.id, FIELD.value, set_aside.value,
      FIELD.bucket, set_aside.second, FIELD.reason, set_aside.reason)
    redis.call('HDEL', k.holds, set_aside.id)
    quarantined[#quarantined + 1] = set_aside.id
    quarantined[#quarantined + 1] = set_aside.reason
  end
  return delays, more, quarantined
end
