-- The officer's inbox: GET /api/signals (ListSignals), the first page of the open signals, most urgent first (no count).
path = "/api/signals"
dofile("get.lua")
