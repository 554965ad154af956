-- The officer's inbox: GET /api/signals (ListSignals), the first page of the open signals with their count.
path = "/api/signals"
dofile("get.lua")
