-- The officer's inbox: GET /api/signals (ListSignals), the first page of the open signals with their count.
dofile("common.lua")

local req

function init(args)
  req = wrk.format("GET", "/api/signals", base_headers())
end

function request()
  return req
end
