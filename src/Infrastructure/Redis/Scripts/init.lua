-- Creates a product's gate state from the catalog. terms: "holdSeconds|limit|price", limit empty when there is none.
-- Returns 1 when the stock was created, 0 when it existed: live stock is never overwritten,
-- while the terms always follow PostgreSQL, the source of truth.
local created = redis.call('HSETNX', @StockKey, @ProductId .. ':a', @Available)
redis.call('HSETNX', @StockKey, @ProductId .. ':h', 0)
redis.call('HSETNX', @StockKey, @ProductId .. ':p', 0)
redis.call('HSET', @CatalogKey, @ProductId, @Terms)
return created
