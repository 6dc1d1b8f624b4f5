-- Sets aside an entry of a shard's stream (a purchase, a webhook event) that cannot be read: its fields, as they are,
-- go to the shard's quarantine stream with the reason, and the entry is acknowledged and deleted so that the entries
-- behind it go on. Stock is not touched: what a purchase entry was worth is unknown, so its units stay where they are
-- and the ledger check reports them.
-- KEYS: the stream, quarantine. ARGV: group, entry id, reason. Returns 1 when it moved the entry, 0 when it was gone.
local stream, quarantine = KEYS[1], KEYS[2]
local group, entry_id, reason = ARGV[1], ARGV[2], ARGV[3]
expect_types({ stream, 'stream', quarantine, 'stream' })
local entry = redis.call('XRANGE', stream, entry_id, entry_id)
if #entry == 1 then
  local fields = entry[1][2]
  fields[#fields + 1] = FIELD.entry
  fields[#fields + 1] = entry_id
  fields[#fields + 1] = FIELD.reason
  fields[#fields + 1] = reason
  redis.call('XADD', quarantine, '*', unpack(fields))
end
redis.call('XACK', stream, group, entry_id)
redis.call('XDEL', stream, entry_id)
return #entry
