-- wrk script: POSTs a realistic minimal report with a fresh nonce on every request, so the server counts each
-- one (nothing is short-circuited as a retry). The windows are the current day, week (Monday) and month in UTC.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
local last = "AQgw" -- 16 bytes in 22 base64url characters leave the last one 2 bits: one of these four

math.randomseed(os.time() + math.floor(os.clock() * 1000000))

local function nonce()
  local chars = {}
  for i = 1, 21 do
    local r = math.random(1, 64)
    chars[i] = alphabet:sub(r, r)
  end
  local r = math.random(1, 4)
  chars[22] = last:sub(r, r)
  return table.concat(chars)
end

local now = os.time()
local weekday = tonumber(os.date("!%w", now))
local day = os.date("!%Y-%m-%d", now)
local week = os.date("!%Y-%m-%d", now - ((weekday + 6) % 7) * 86400)
local month = os.date("!%Y-%m-01", now)
local template = '{"age":3,"level":"minimal","nonce":"%s","probes":{"os-versions":{"machine":"x86_64","id":"fedora",'
  .. '"variant_id":"coreos","version":"41.20241109.3.0","version_id":"41"},"platform":{"id":"aws","source":"ignition"}},'
  .. '"schema":1,"windows":{"day":"%s","month":"%s","week":"%s"}}'
local headers = { ["Content-Type"] = "application/json" }

request = function()
  return wrk.format("POST", "/v1/reports", headers, string.format(template, nonce(), day, month, week))
end
