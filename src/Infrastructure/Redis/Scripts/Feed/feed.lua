-- Brings the availability feed of each product of one shard up to date and reads it (docs/decisions/011).
-- KEYS[1] the shard's stock hash, KEYS[1 + i] product i's feed (a stream).
-- ARGV: minimum gap between two entries (ms), retention (ms), the feed's time to live (ms), entries read at most, then
-- per product: its field, its total stock (PostgreSQL's), and the id to read after ('' for only the latest entry).
-- A product without gate state is skipped. A product whose available, held or sold units differ from its latest entry gets
-- a new entry ('*': the id comes from Redis's clock and grows per product) unless the latest is younger than the gap;
-- the next run writes it then, so changes in between are coalesced and the latest figures win. Written figures never
-- change, so a replay sends what was sent live. Writes happen only on a change (and to keep a watched feed alive), so a
-- quiet product costs reads only, and every instance running this agrees on one entry per gap.
local MIN_GAP, RETENTION, TTL, MAX_ENTRIES = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local now = now_ms()
local replies = {}
for i = 2, #KEYS do
  local feed, arg = KEYS[i], 5 + (i - 2) * 3
  local product, total, after = ARGV[arg], tonumber(ARGV[arg + 1]), ARGV[arg + 2]
  -- A feed holds nothing but copies of the stock's figures: one that is not a stream is replaced, rather than failing
  -- the call and with it the feeds of the shard's other products.
  local kind = redis.call('TYPE', feed)['ok']
  if kind ~= 'none' and kind ~= 'stream' then
    redis.call('DEL', feed)
  end
  local stock = redis.call('HMGET', KEYS[1], product .. ':a', product .. ':h')
  local available, held = counter(stock[1]), counter(stock[2] or '0')
  if not available or not held then
    replies[#replies + 1] = { 0 }
  else
    local latest = redis.call('XREVRANGE', feed, '+', '-', 'COUNT', 1)[1]
    local sold = total - available - held
    local due = true
    if latest then
      local fields = latest[2]
      local written_at = tonumber(string.match(latest[1], '^(%d+)-'))
      -- sold too: an instance that wrote it from a total read before a stock adjustment is corrected by the next run
      -- with the new total.
      due = (tonumber(fields[2]) ~= available or tonumber(fields[4]) ~= held or tonumber(fields[6]) ~= sold)
        and now - written_at >= MIN_GAP
    end
    if due then
      local id = redis.call('XADD', feed, 'MINID', '~', now - RETENTION, '*',
        FIELD.available, available, FIELD.held, held, FIELD.sold, sold, FIELD.at, now)
      redis.call('PEXPIRE', feed, TTL)
      latest = { id, { FIELD.available, tostring(available), FIELD.held, tostring(held), FIELD.sold, tostring(sold), FIELD.at,
        tostring(now) } }
    elseif redis.call('PTTL', feed) < TTL / 2 then
      redis.call('PEXPIRE', feed, TTL)
    end
    local first = redis.call('XRANGE', feed, '-', '+', 'COUNT', 1)[1][1]
    local entries = {}
    if after ~= '' then
      entries = redis.call('XRANGE', feed, '(' .. after, '+', 'COUNT', MAX_ENTRIES)
    end
    replies[#replies + 1] = { 1, first, latest, entries }
  end
end
return replies
