# summary.md of build/bench-report.sh from its results.json.
def n($digits): if . == null then "—" else (. * pow(10; $digits) | round) / pow(10; $digits) | tostring end;
def met: if .met == null then "no figure" elif .met then "met" else "**not met**" end;
def wrk: "\(.requests_per_s | n(0)) reserves/s, p50 \(.p50_ms) ms, p99 \(.p99_ms) ms, p99.9 \(.p99_9_ms) ms, \(.non_2xx) non-2xx, \(.socket_errors) socket errors";
"# Reservations performance report\n",
"\(.date), \(.machine), load average \(.load_average.before) before, \(.load_average.after) after\(if (.failed_steps | length) > 0 then "; **failed: \(.failed_steps | join(", "))**" else "" end)\n",
"| figure | measured | target | |",
"|---|---|---|---|",
"| reserve over HTTP (round \(.reserve_http.round) of 3, the median) | \(.reserve_http | wrk) | p99 ≤ 10 ms, 0 non-2xx | p99 \(.targets.http_reserve_p99_ms | met), non-2xx \(.targets.http_reserve_non_2xx | met) (\(.reserve_http.non_2xx_all_rounds) in all rounds) |",
"| reserve over HTTP, one hot product | \(.hot_product_http | wrk) | | |",
"| HTTP reserve / one-key ceiling, median of 3 rounds | \(.ceiling.median_ratio | n(3)) | ≥ 0.30 | \(.targets.http_reserve_over_ceiling | met) |",
(.ceiling_rounds[] | "| round \(.round): HTTP / ceiling | \(.http.requests_per_s | n(0))/s ÷ \(.ceiling_per_s | n(0))/s = \(.ratio | n(3)) (load average \(.load_average_1m)) | | |"),
"| gate, 800 in flight ÷ redis-benchmark -c 50 (one-request reserve script) | \(.gate_vs_redis.gate_800_in_flight_per_s | n(0))/s ÷ \(.gate_vs_redis.redis_benchmark_c50_per_s | n(0))/s = \(.gate_vs_redis.ratio_800_over_c50 | n(2)) | ≥ 1.5 | \(.targets.gate_over_redis_benchmark_c50 | met) |",
"| gate, 50 in flight ÷ the same (batches of a few) | \(.gate_vs_redis.gate_50_in_flight_per_s | n(0))/s ÷ \(.gate_vs_redis.redis_benchmark_c50_per_s | n(0))/s = \(.gate_vs_redis.ratio_c50 | n(2)) | | |",
"| redis-benchmark -c 50 -P 16 (the script pipelined) | \(.gate_vs_redis.redis_benchmark_c50_p16_per_s | n(0))/s | | |",
"| Redis bytes per live hold (100,000 holds) | \(.redis_bytes_per_live_hold | n(0)) | ≤ 300 | \(.targets.redis_bytes_per_live_hold | met) |",
"| purchases persisted per second (20,000, one Worker) | \(.purchases_persisted_per_s.worker_start_included | n(0))/s with the Worker's start, \(.purchases_persisted_per_s.from_first_order | n(0))/s from the first order | ≥ 5,000 (start included) | \(.targets.purchases_persisted_per_s | met) |"
