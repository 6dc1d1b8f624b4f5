-- Shared by every gate script (prepended when the scripts are loaded).
-- Ids are raw bytes: a product id its 16 bytes, a hold id its first 14 (its last two name the shard, which every
-- key's hash tag already says). A hold is one field of the shard's holds hash; its value packs, numbers big-endian:
--   offset  0  status     1 byte   h held, p purchased, c completed, r released, e expired
--           1  tallied    1 byte   '1' when its quantity counts against the customer's limit, else '0'
--           2  product   16 bytes
--          18  quantity   2 bytes
--          20  created    6 bytes  Unix ms of Redis TIME
--          26  deadline   6 bytes  Unix ms
--          32  the unit price as the catalog writes it, '|', then the customer id (last, so it may hold '|')
-- The status comes first so that a transition rewrites one byte. HoldCodec.cs reads the same layout.
-- Stock per product lives in the shard's stock hash: <productId>:a available, :h held, :p purchasing,
-- :d dead-lettered (a part of purchasing that PostgreSQL refused).
local HOLD_HEAD = '>c1c1c16I2I6I6'

local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

-- Called before a script's first write: a quantity the 2-byte field cannot hold fails the script whole rather than
-- being truncated while the stock moves by all of it.
local function pack_hold(hold)
  if hold.quantity < 1 or hold.quantity > 65535 then
    error('quantity ' .. hold.quantity .. ' does not fit a hold')
  end
  return struct.pack(HOLD_HEAD, hold.status, hold.tallied and '1' or '0', hold.product, hold.quantity, hold.created,
    hold.deadline) .. hold.price .. '|' .. hold.customer
end

local function parse_hold(value)
  local status, tallied, product, quantity, created, deadline, tail = struct.unpack(HOLD_HEAD, value)
  local price, customer = string.match(string.sub(value, tail), '^([^|]*)|(.*)$')
  return { status = status, product = product, quantity = quantity, price = price,
           created = created, deadline = deadline, tallied = tallied == '1', customer = customer }
end

-- The customer's hold (packed value and parsed), or nil: someone else's hold is as good as missing.
local function find_owned_hold(k, hold_id, customer)
  local value = redis.call('HGET', k.holds, hold_id)
  if not value then
    return nil
  end
  local hold = parse_hold(value)
  if hold.customer ~= customer then
    return nil
  end
  return value, hold
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

-- Gives a held hold's stock back and marks it released ('r') or expired ('e'). Callers check it is held.
local function finish_hold(k, hold_id, value, hold, status, now)
  redis.call('HSET', k.holds, hold_id, status .. string.sub(value, 2))
  redis.call('HINCRBY', k.stock, hold.product .. ':a', hold.quantity)
  redis.call('HINCRBY', k.stock, hold.product .. ':h', -hold.quantity)
  if hold.tallied then
    local field = hold.product .. hold.customer
    if redis.call('HINCRBY', k.tally, field, -hold.quantity) <= 0 then
      redis.call('HDEL', k.tally, field)
    end
  end
  redis.call('ZREM', k.deadlines, hold_id)
  redis.call('ZADD', k.finished, now, hold_id)
end

-- Expires up to `limit` holds whose deadline has passed; returns, for each hold it expired, how many
-- milliseconds past its deadline that happened, then how many due entries it looked at (fewer than `limit`: none is
-- left).
local function expire_due(k, now, limit)
  local delays = {}
  local due = redis.call('ZRANGEBYSCORE', k.deadlines, '-inf', now, 'LIMIT', 0, limit)
  if #due == 0 then
    return delays, 0
  end
  expect_types({ k.holds, 'hash', k.stock, 'hash', k.tally, 'hash', k.finished, 'zset' })
  for _, hold_id in ipairs(due) do
    local value = redis.call('HGET', k.holds, hold_id)
    if value and string.sub(value, 1, 1) == 'h' then
      local hold = parse_hold(value)
      finish_hold(k, hold_id, value, hold, 'e', now)
      delays[#delays + 1] = now - hold.deadline
    else
      redis.call('ZREM', k.deadlines, hold_id)
    end
  end
  return delays, #due
end
