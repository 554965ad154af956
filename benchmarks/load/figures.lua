-- GetFigures: GET /api/figures, every table of the figures page.
path = "/api/figures"
dofile("get.lua")
