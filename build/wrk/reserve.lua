-- wrk script for build/bench.sh --wrk: each request is a reserve of 1 unit by a customer and of a product chosen at
-- random from the pools `Reservations.Load wrk-setup` wrote (one token per line, one product id per line).
local data = os.getenv("RESERVATIONS_WRK_DATA") or ".local/bench/wrk"
local tokens, products = {}, {}

local function read_lines(path, into)
  local file = assert(io.open(path, "r"), "cannot open " .. path)
  for line in file:lines() do
    if #line > 0 then into[#into + 1] = line end
  end
  file:close()
end

function init(args)
  read_lines(data .. "/tokens.txt", tokens)
  read_lines(data .. "/products.txt", products)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  local token = tokens[math.random(#tokens)]
  local product = products[math.random(#products)]
  return wrk.format("POST", "/api/reservations", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"productId":"' .. product .. '","quantity":1}')
end

function done(summary, latency, requests)
  io.write(string.format("p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("non-2xx or socket errors: %d non-2xx, %d connect, %d read, %d write, %d timeout\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
