-- Writes a product's terms (an edit, the Worker's refresh pass) unless the catalog has a later version of them.
-- KEYS: catalog. ARGV: product, terms, their version. Returns 1 when written, 0 when the catalog's were later.
local catalog = KEYS[1]
expect_types({ catalog, 'hash' })
return write_terms(catalog, ARGV[1], ARGV[2], tonumber(ARGV[3])) and 1 or 0
