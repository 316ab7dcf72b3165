-- Prints one machine-readable line at the end of a wrk run: wrk's own summary
-- has no 95th percentile, which the benchmark's targets are stated in.
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"socket_errors": %d, "non_2xx_3xx": %d}\n',
    summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    errors.connect + errors.read + errors.write + errors.timeout, errors.status))
end

-- A path with UNIQUE in it gets a new value there on every request, so that each
-- request asks for a page no cache holds yet (as people's distinct searches do).
local sent = 0
request = function()
  sent = sent + 1
  local path = wrk.path:gsub("UNIQUE", string.format("%d-%d", math.random(1000000000), sent))
  return wrk.format(nil, path)
end
