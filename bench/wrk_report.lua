-- Prints one machine-readable line for bench/load.py: requests, errors, duration (us),
-- and the 50th, 95th and 99th latency percentiles (us). Non-2xx answers count as errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
