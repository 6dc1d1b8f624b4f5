-- A hold as stored, with Redis's clock, so a reader can tell an overdue hold from a live one.
return { redis.call('HGET', @HoldsKey, @HoldId) or '', tostring(now_ms()) }
