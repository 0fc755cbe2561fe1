-- wrk script for bench/run: one fixed request per thread, thread N authenticated as user N.
--
-- Environment (read once in wrk's main Lua state, handed to each thread in setup()):
--   BENCH_TOKEN_<n>    bearer token of thread n (required, n = 1..threads)
--   BENCH_SESSION_<n>  Mcp-Session-Id of thread n; when set, the request is an MCP POST (tools/call)
--   BENCH_TOOL         tool name for tools/call
--   BENCH_ARGS         the tool's arguments, a JSON object text (default {})
--   BENCH_PROTOCOL     MCP-Protocol-Version header (default 2025-11-25)
-- Without BENCH_SESSION_<n> the request is a plain GET of the URL's path with the bearer token.
--
-- done() prints one line starting with "RESULT " that bench/run parses.

local threads = {}
local count = 0

function setup(thread)
   count = count + 1
   local token = os.getenv("BENCH_TOKEN_" .. count)
   if token == nil or token == "" then
      io.stderr:write("load.lua: BENCH_TOKEN_" .. count .. " is not set (one token per thread)\n")
      os.exit(2)
   end
   thread:set("id", count)
   thread:set("token", token)
   thread:set("session", os.getenv("BENCH_SESSION_" .. count) or "")
   thread:set("tool", os.getenv("BENCH_TOOL") or "")
   thread:set("tool_args", os.getenv("BENCH_ARGS") or "{}")
   thread:set("protocol", os.getenv("BENCH_PROTOCOL") or "2025-11-25")
   table.insert(threads, thread)
end

-- Per-thread state (each thread has its own Lua state; these globals are read back in done()).
responses = 0
non2xx = 0
is_error = 0
local req

function init(args)
   local headers = { ["Authorization"] = "Bearer " .. token }
   if session ~= "" then
      headers["Content-Type"] = "application/json"
      headers["Accept"] = "application/json, text/event-stream"
      headers["Mcp-Session-Id"] = session
      headers["MCP-Protocol-Version"] = protocol
      local body = '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"' .. tool
         .. '","arguments":' .. tool_args .. '}}'
      req = wrk.format("POST", nil, headers, body)
   else
      headers["Accept"] = "application/json"
      req = wrk.format("GET", nil, headers, nil)
   end
end

function request()
   return req
end

-- Kept cheap: a status test and one plain (non-pattern) substring search.
function response(status, headers, body)
   responses = responses + 1
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   elseif body and string.find(body, '"isError":true', 1, true) then
      is_error = is_error + 1
   end
end

function done(summary, latency, requests)
   local total_non2xx, total_is_error, per_thread = 0, 0, {}
   for _, thread in ipairs(threads) do
      total_non2xx = total_non2xx + thread:get("non2xx")
      total_is_error = total_is_error + thread:get("is_error")
      table.insert(per_thread, "t" .. thread:get("id") .. ":" .. thread:get("responses"))
   end
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
         .. "non2xx=%d is_error=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d per_thread=%s\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, total_non2xx, total_is_error, socket_errors,
      e.connect, e.read, e.write, e.timeout, table.concat(per_thread, ",")))
end
