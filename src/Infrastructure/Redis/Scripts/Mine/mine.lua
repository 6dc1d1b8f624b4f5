-- A customer's holds of this shard that Redis still keeps, newest first (ties by id), from the index of holds by
-- customer and hour (lib.lua; reserve.lua writes it with each hold). Writes nothing.
-- A hold is listed with the status a reader sees now (held past its deadline is expired); `@Status` (a status byte,
-- '' for any) filters on it. A hold whose value is gone (its ended hash expired) or is another customer's is skipped.
-- Returns how many match, the first `@Batch` of them (field and packed value, alternating) and Redis's time.
local k = { holds = @HoldsKey }
local customer, field, wanted, limit = @Customer, @CustomerField, @Status, tonumber(@Batch)
local now = now_ms()
local this_hour = hour_of(now)

local function status_at(hold)
  if hold.status == 'h' and now >= hold.deadline then
    return 'e'
  end
  return hold.status
end

-- A hold made in this hour, live or ended. Most holds end minutes after they were made, so the hourly hashes of ended
-- holds are searched from the hour it was made in on: usually one read, never one per hour kept.
local function find_listed(hold_id, made_hour)
  local value = redis.call('HGET', k.holds, hold_id)
  if value then
    return value
  end
  for hour = math.max(made_hour, this_hour - ENDED_KEEP_S / 3600), this_hour do
    value = redis.call('HGET', ended_key(k, hour), hold_id)
    if value then
      return value
    end
  end
  return nil
end

local matching = {}
for hour = this_hour, this_hour - MINE_KEEP_S / 3600, -1 do
  local ids = redis.call('HGET', mine_key(k, hour), field)
  for at = 1, ids and #ids or 0, 14 do
    local hold_id = string.sub(ids, at, at + 13)
    local value = find_listed(hold_id, hour)
    local hold = value and parse_hold(value)
    if hold and hold.customer == customer and (wanted == '' or status_at(hold) == wanted) then
      matching[#matching + 1] = { id = hold_id, value = value, created = hold.created }
    end
  end
end

table.sort(matching, function(a, b)
  if a.created ~= b.created then
    return a.created > b.created
  end
  return a.id > b.id
end)
local found = {}
for i = 1, math.min(limit, #matching) do
  found[#found + 1] = matching[i].id
  found[#found + 1] = matching[i].value
end
return { #matching, found, tostring(now) }
