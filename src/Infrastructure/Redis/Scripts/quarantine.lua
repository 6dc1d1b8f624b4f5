-- Sets aside a purchase entry that cannot be read: its fields, as they are, go to the shard's quarantine stream with
-- the reason, and the entry is acknowledged and deleted so that the entries behind it are persisted. Stock is not
-- touched: what the entry was worth is unknown, so its units stay where they are and the ledger check reports them.
-- KEYS: purchases, quarantine. ARGV: group, entry id, reason. Returns 1 when it moved the entry, 0 when it was gone.
local purchases, quarantine = KEYS[1], KEYS[2]
local group, entry_id, reason = ARGV[1], ARGV[2], ARGV[3]
expect_types({ purchases, 'stream', quarantine, 'stream' })
local entry = redis.call('XRANGE', purchases, entry_id, entry_id)
if #entry == 1 then
  local fields = entry[1][2]
  fields[#fields + 1] = 'entry'
  fields[#fields + 1] = entry_id
  fields[#fields + 1] = 'reason'
  fields[#fields + 1] = reason
  redis.call('XADD', quarantine, '*', unpack(fields))
end
redis.call('XACK', purchases, group, entry_id)
redis.call('XDEL', purchases, entry_id)
return #entry
