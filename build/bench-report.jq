# results.json of build/bench-report.sh from the figures it parsed; "reserve" is the round of median HTTP rate.
def target($value; $op; $limit): {value: $value, target: "\($op) \($limit)",
  met: (if $value == null then null elif $op == ">=" then $value >= $limit else $value <= $limit end)};
($rounds | map(select(.http.requests_per_s == $median_rps)) | first) as $median_round
| ($rounds | map(.http.non_2xx) | add) as $non2xx
| {
    date: $date, machine: $machine, load_average: {before: $load_before, after: $load_after},
    failed_steps: ($failed | split(" ") | map(select(. != ""))),
    reserve_http: ($median_round.http + {round: $median_round.round, non_2xx_all_rounds: $non2xx,
      method: "wrk -t1 -c50 -d10s --latency, build/wrk/reserve.lua, 5,000 tokens x 20 products of 1,000,000 units, after a 15 s warm-up"}),
    hot_product_http: ($hot + {method: "the same on one product of 1,000,000 units"}),
    ceiling_rounds: $rounds,
    ceiling: {method: "private redis-server, no persistence; redis-benchmark -c 50 -n 400000 EVALSHA (GET, DECR of one key)",
      median_ratio: $median_ratio},
    gate_vs_redis: {requests: 100000, redis_benchmark_c50_per_s: $redis_plain, gate_50_in_flight_per_s: $gate_50,
      redis_benchmark_c50_p16_per_s: $redis_pipelined, gate_800_in_flight_per_s: $gate_800,
      ratio_c50: (if $gate_50 == null or $redis_plain == null then null else $gate_50 / $redis_plain end),
      ratio_800_over_c50: (if $gate_800 == null or $redis_plain == null then null else $gate_800 / $redis_plain end)},
    redis_bytes_per_live_hold: $bytes,
    purchases_persisted_per_s: {worker_start_included: $persisted, from_first_order: $persisted_first},
    targets: {
      http_reserve_over_ceiling: target($median_ratio; ">="; 0.30),
      http_reserve_p99_ms: target($median_round.http.p99_ms; "<="; 10),
      http_reserve_non_2xx: target($non2xx; "<="; 0),
      gate_over_redis_benchmark_c50: target(if $gate_800 == null or $redis_plain == null then null else $gate_800 / $redis_plain end; ">="; 1.5),
      redis_bytes_per_live_hold: target($bytes; "<="; 300),
      purchases_persisted_per_s: target($persisted; ">="; 5000)
    }
  }
