-- Creates a product's gate state from the catalog. terms: as parse_terms (lib.lua) reads them.
-- Live stock is never overwritten, while the terms follow PostgreSQL, the source of truth, unless the catalog has a
-- later version of them (write_terms). When the stock is created (a new product, or Redis lost its data), the
-- customers' purchased units count against the limit again, in the same step, so that no reserve sees the stock
-- without the tallies.
-- KEYS: stock, catalog, tally. ARGV: product, available, terms, their version, then customer and purchased units per
-- customer.
-- Returns 1 when the stock was created, 0 when it existed.
local stock, catalog, tally = KEYS[1], KEYS[2], KEYS[3]
local product, available, terms, version = ARGV[1], ARGV[2], ARGV[3], tonumber(ARGV[4])
expect_types({ stock, 'hash', catalog, 'hash', tally, 'hash' })
expect_terms_version(version)
local created = redis.call('HSETNX', stock, product .. ':a', available)
redis.call('HSETNX', stock, product .. ':h', 0)
redis.call('HSETNX', stock, product .. ':p', 0)
write_terms(catalog, product, terms, version)
if created == 1 then
  for i = 5, #ARGV, 2 do
    redis.call('HINCRBY', tally, product .. ARGV[i], ARGV[i + 1])
  end
end
return created
