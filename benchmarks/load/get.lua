-- A GET of one path (set by the script that loads this one) with the officer's token.
dofile("common.lua")

local req

function init(args)
  req = wrk.format("GET", path, base_headers())
end

function request()
  return req
end
