-- Shared by the load scripts (dofile'd from the working directory, benchmarks/load). Every request carries
-- X-Forwarded-Proto: https, as from the TLS-terminating reverse proxy in front of a production instance, and the
-- bearer token in MELDROUTE_TOKEN. Answers outside 2xx are counted per thread; done() prints one RESULT line.
local threads = {}
local next_id = 0

function setup(thread)
  thread:set("thread_id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

non2xx = 0

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function base_headers()
  local h = { ["X-Forwarded-Proto"] = "https", ["Accept"] = "application/json" }
  local token = os.getenv("MELDROUTE_TOKEN")
  if token and token ~= "" then
    h["Authorization"] = "Bearer " .. token
  end
  return h
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non2xx") or 0)
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d non2xx=%d errors=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    summary.requests, bad, e.connect + e.read + e.write + e.timeout, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
