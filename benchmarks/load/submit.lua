-- SubmitSignal: POST /api/signals, a different body and Idempotency-Key on every request (fictitious text only).
dofile("common.lua")

local n = 0
local run = os.getenv("MELDROUTE_RUN") or tostring(os.time())
local observed = os.getenv("MELDROUTE_OBSERVED_ON")
local headers

function init(args)
  headers = base_headers()
  headers["Content-Type"] = "application/json"
end

function request()
  n = n + 1
  local key = string.format("%s-%d-%d", run, thread_id or 0, n)
  headers["Idempotency-Key"] = key
  local body = string.format(
    '{"acuteDanger":false,"description":"Belastingstest %s: fictieve waarneming in een hotel, lange dagen zonder loon.",' ..
    '"observedOn":"%s","locationType":"Hotel","locationDetail":"Fictieve straat %d","forms":["Labour"],"indicatorCodes":["L01"],' ..
    '"people":[{"role":"PossibleVictim","name":"Fictief %s","minor":"No","nationality":"Fictief"}]}',
    key, observed, n, key)
  return wrk.format("POST", "/api/signals", headers, body)
end
