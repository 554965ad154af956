-- GetFigures: GET /api/figures, every table of the figures page.
dofile("common.lua")

local req

function init(args)
  req = wrk.format("GET", "/api/figures", base_headers())
end

function request()
  return req
end
