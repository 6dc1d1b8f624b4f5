-- Expires up to @Batch overdue holds of the shard, oldest bucket first: on a bucket marker's keyspace event, and for
-- every shard on each sweep (the safety net behind the events). Idempotent, so several Workers may run it at once.
-- A due hold that cannot be given back goes to the shard's quarantine stream instead; the others expire.
-- Returns { 1 when more may be due, else 0; the delays past their deadlines, in ms, of the holds expired; the ids and
-- reasons, alternating, of the holds set aside }.
local k = { stock = @StockKey, holds = @HoldsKey, due = @DueKey, tally = @TallyKey, quarantine = @QuarantineKey }
local delays, more, quarantined = expire_due(k, now_ms(), tonumber(@Batch))
return { more and 1 or 0, delays, quarantined }
