-- wrk script for ./bench: appends a unique query parameter to every request. The directory's
-- output cache varies by every query parameter, so each request misses it and the page is
-- built from the database (and stored as a new cache entry).
local n = 0
request = function()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "nocache=" .. n .. "-" .. math.random(1, 1000000000))
end
