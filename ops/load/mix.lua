-- wrk script: a weighted mix of requests read from $MIX_FILE, one per line:
--   METHOD <TAB> PATH <TAB> BODY      (BODY optional; a JSON body gets Content-Type: application/json)
-- Weights = repeated lines. Sends $TOKEN as a bearer token and $COOKIE as the Cookie header when set;
-- NO_CACHE=1 adds Cache-Control: no-cache (the product's response cache is bypassed).
-- Counts non-2xx answers, GraphQL answers with "errors" and answers served from the response cache
-- (X-Cache: HIT); prints one RESULT line with p50/p95/p99 and the hit rate.
local token = os.getenv("TOKEN")
local cookie = os.getenv("COOKIE")
local mix = os.getenv("MIX_FILE")
local nocache = os.getenv("NO_CACHE") == "1"
local threads = {}
local requests = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

function init(args)
  non2xx = 0
  gqlerrors = 0
  hits = 0
  answered = 0
  math.randomseed(os.time() + id * 7919)
  for line in io.lines(mix) do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      local headers = {}
      if token and token ~= "" then headers["Authorization"] = "Bearer " .. token end
      if cookie and cookie ~= "" then headers["Cookie"] = cookie end
      if nocache then headers["Cache-Control"] = "no-cache" end
      if body ~= nil and body ~= "" then headers["Content-Type"] = "application/json" else body = nil end
      table.insert(requests, wrk.format(method, path, headers, body))
    end
  end
end

function request()
  return requests[math.random(#requests)]
end

function response(status, headers, body)
  answered = answered + 1
  if headers["X-Cache"] == "HIT" then hits = hits + 1 end
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  elseif body:sub(1, 1) == "{" and body:find('"errors":[{', 1, true) then
    gqlerrors = gqlerrors + 1
  end
end

function done(summary, latency, requests)
  local bad, gql, hit, all = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
    gql = gql + t:get("gqlerrors")
    hit = hit + t:get("hits")
    all = all + t:get("answered")
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f non2xx=%d graphql_errors=%d socket_errors=%d cache_hit_pct=%.1f\n",
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000, bad, gql,
    e.connect + e.read + e.write + e.timeout, all > 0 and 100 * hit / all or 0))
end
