-- Prints one machine-readable line for bench/load.py: requests, errors, duration (us),
-- and the 50th, 95th and 99th latency percentiles (us). Non-2xx answers count as errors.
-- With arguments (a file of paths, one per line, and the number of wrk threads), each thread
-- asks its own share of the paths in turn, and a line "REPEATED" says if one was asked twice.
local threads = {}

setup = function(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

init = function(args)
  if #args == 0 then return end
  local count, n = tonumber(args[2]), 0
  paths, turn = {}, 0
  for line in io.lines(args[1]) do
    if n % count == id then paths[#paths + 1] = line end
    n = n + 1
  end
end

request = function()
  if paths == nil then return wrk.request() end
  if turn == #paths then repeated = true end
  turn = turn % #paths + 1
  return wrk.format("GET", paths[turn])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("BENCH %d %d %d %d %d %d\n",
    summary.requests, e.connect + e.read + e.write + e.status + e.timeout, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
  for _, thread in ipairs(threads) do
    if thread:get("repeated") then io.write("REPEATED\n") return end
  end
end
