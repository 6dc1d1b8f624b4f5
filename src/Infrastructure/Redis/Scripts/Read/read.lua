-- A hold as stored, live or ended, with Redis's clock, so a reader can tell an overdue hold from a live one.
local k = { holds = @HoldsKey }
local now = now_ms()
return { find_hold(k, @HoldId, now) or '', tostring(now) }
