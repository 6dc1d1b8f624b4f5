-- A customer's holds of this shard that Redis still keeps, newest first (ties by id, as ZREVRANGEBYSCORE orders them),
-- read from the customer's index (reserve.lua writes it with each hold). Writes nothing.
-- A hold is listed with the status a reader sees now (held past its deadline is expired); `@Status` (a status byte,
-- '' for any) filters on it. A hold whose value is gone (its ended hash expired) or is another customer's is skipped.
-- Returns how many match, the first `@Batch` of them (field and packed value, alternating) and Redis's time.
local k = { holds = @HoldsKey }
local customer, wanted, limit = @Customer, @Status, tonumber(@Batch)
local now = now_ms()

local function status_at(hold)
  if hold.status == 'h' and now >= hold.deadline then
    return 'e'
  end
  return hold.status
end

local entries = redis.call('ZREVRANGEBYSCORE', @MineKey, '+inf', '(' .. (now - MINE_KEEP_MS), 'WITHSCORES')
local found, matching = {}, 0
for i = 1, #entries, 2 do
  local value = find_hold(k, entries[i], now, tonumber(entries[i + 1]))
  local hold = value and parse_hold(value)
  if hold and hold.customer == customer and (wanted == '' or status_at(hold) == wanted) then
    matching = matching + 1
    if matching <= limit then
      found[#found + 1] = entries[i]
      found[#found + 1] = value
    end
  end
end
return { matching, found, tostring(now) }
