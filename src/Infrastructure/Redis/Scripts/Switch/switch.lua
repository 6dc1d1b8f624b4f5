-- The webhook event switch of one shard, KEYS[1]: "<generation>|<types, comma-separated>", as lib.lua's event_types
-- reads it (docs/decisions/010). ARGV[1] 'set', then the endpoints' generation and their types: replaces the switch
-- only with a newer generation than it holds, so a reading of the endpoints made before a change never undoes that
-- change. ARGV[1] 'add', then types: adds them, the generation unchanged (0 when there was none): only a reading made
-- after a later change of the endpoints may remove them. Returns 1 when it wrote, else 0.
expect_types({ KEYS[1], 'string' })
local generation, listed = string.match(redis.call('GET', KEYS[1]) or '', '^(%d+)|(.*)$')
if ARGV[1] == 'set' then
  if generation and tonumber(generation) >= tonumber(ARGV[2]) then
    return 0
  end
  redis.call('SET', KEYS[1], ARGV[2] .. '|' .. ARGV[3])
  return 1
end

local types, seen = {}, {}
for event_type in string.gmatch((listed or '') .. ',' .. ARGV[2], '[^,]+') do
  if not seen[event_type] then
    seen[event_type] = true
    types[#types + 1] = event_type
  end
end
table.sort(types)
redis.call('SET', KEYS[1], (generation or '0') .. '|' .. table.concat(types, ','))
return 1
