-- GetSignal: GET /api/signals/{id} with the officer's token, cycling through the ids in MELDROUTE_SIGNAL_IDS (a comma
-- list of open signals that run.sh reads from the inbox), each thread starting at another one.
dofile("common.lua")

local paths = {}
local n = 0
local headers

function init(args)
  headers = base_headers()
  for id in string.gmatch(os.getenv("MELDROUTE_SIGNAL_IDS") or "", "[^,]+") do
    table.insert(paths, "/api/signals/" .. id)
  end
  n = (thread_id or 0) * 7
end

function request()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1], headers)
end
