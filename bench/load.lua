-- wrk script for bench/run: thread N authenticated as user N, sending one request, several in turn, or several in
-- alternating one-second slots.
--
-- Environment (read once in wrk's main Lua state, handed to each thread in setup()):
--   BENCH_TOKEN_<n>    bearer token of thread n (required, n = 1..threads)
--   BENCH_SESSION_<n>  Mcp-Session-Id of thread n; when set, the request is an MCP POST (tools/call)
--   BENCH_TOOL         tool name for tools/call
--   BENCH_ARGS         the tool's arguments, a JSON object text (default {})
--   BENCH_MIX          instead of BENCH_TOOL/BENCH_ARGS: several tools/calls, each thread sending them in turn,
--                      written "name arguments" separated by ";", e.g. 'whoami {};echo {"text":"hi"}'
--   BENCH_ALTERNATE    instead: several tools/calls written as for BENCH_MIX, all threads sending the first during
--                      one second of the clock, the second during the next, and so on. Each response is counted for
--                      its tool (by its JSON-RPC id), over the whole seconds of the run only (the first and last,
--                      partial, are left out): RESULT then gives each tool's req/s over its own seconds, measured at
--                      the same time as the others', so a change of the machine's speed that lasts longer than a
--                      few seconds touches them alike.
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
   thread:set("mix", os.getenv("BENCH_MIX") or "")
   thread:set("alternate", os.getenv("BENCH_ALTERNATE") or "")
   thread:set("protocol", os.getenv("BENCH_PROTOCOL") or "2025-11-25")
   table.insert(threads, thread)
end

-- Per-thread state (each thread has its own Lua state; the globals are read back in done()).
responses = 0
non2xx = 0
is_error = 0
unattributed = 0       -- alternating: responses without the JSON-RPC id of one of the requests
calls = 0              -- how many requests there are to send (1 unless BENCH_MIX or BENCH_ALTERNATE)
local requests_to_send = {}
local names = {}
local next_request = 0
local alternating = false
-- Alternating: responses per request in the current second, and since the first whole second (globals
-- counted_<k> and seconds_<k>: responses of request k, and whole seconds in which request k was sent).
local second, in_second, first_second_done = nil, {}, false

local function tools_call(id, name, arguments)
   return '{"jsonrpc":"2.0","id":' .. id .. ',"method":"tools/call","params":{"name":"' .. name
      .. '","arguments":' .. arguments .. '}}'
end

local function calls_of(spec, variable)
   local list = {}
   for call in string.gmatch(spec, "[^;]+") do
      local name, arguments = string.match(call, "^%s*(%S+)%s+(.-)%s*$")
      if name == nil then
         io.stderr:write("load.lua: " .. variable .. " entry '" .. call .. "' is not 'name arguments'\n")
         os.exit(2)
      end
      table.insert(list, { name = name, arguments = arguments })
   end
   return list
end

function init(args)
   local headers = { ["Authorization"] = "Bearer " .. token }
   if session ~= "" then
      headers["Content-Type"] = "application/json"
      headers["Accept"] = "application/json, text/event-stream"
      headers["Mcp-Session-Id"] = session
      headers["MCP-Protocol-Version"] = protocol
      local list
      if alternate ~= "" then
         list = calls_of(alternate, "BENCH_ALTERNATE")
         alternating = true
      elseif mix ~= "" then
         list = calls_of(mix, "BENCH_MIX")
      else
         list = { { name = tool, arguments = tool_args } }
      end
      for k, call in ipairs(list) do
         table.insert(requests_to_send, wrk.format("POST", nil, headers, tools_call(k, call.name, call.arguments)))
         names[k] = call.name
         _G["counted_" .. k] = 0
         _G["seconds_" .. k] = 0
         in_second[k] = 0
      end
      tool_names = table.concat(names, ",")
   else
      headers["Accept"] = "application/json"
      table.insert(requests_to_send, wrk.format("GET", nil, headers, nil))
   end
   calls = #requests_to_send
end

function request()
   if alternating then
      return requests_to_send[os.time() % calls + 1]
   end
   next_request = next_request % calls + 1
   return requests_to_send[next_request]
end

-- Alternating: a new second began; the one before counts if it was whole (not the run's first).
local function close_second(now)
   if second ~= nil then
      if first_second_done then
         local sent = second % calls + 1
         _G["seconds_" .. sent] = _G["seconds_" .. sent] + 1
         for k = 1, calls do
            _G["counted_" .. k] = _G["counted_" .. k] + in_second[k]
         end
      end
      first_second_done = true
   end
   for k = 1, calls do in_second[k] = 0 end
   second = now
end

-- Kept cheap: a status test, a plain substring search and, when alternating, a match in the first 64 bytes.
function response(status, headers, body)
   responses = responses + 1
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   elseif body and string.find(body, '"isError":true', 1, true) then
      is_error = is_error + 1
   end
   if alternating then
      local now = os.time()
      if now ~= second then close_second(now) end
      local id = body and tonumber(string.match(string.sub(body, 1, 64), '"id":(%d+)'))
      if id ~= nil and in_second[id] ~= nil then
         in_second[id] = in_second[id] + 1
      else
         unattributed = unattributed + 1
      end
   end
end

function done(summary, latency, requests)
   local total_non2xx, total_is_error, total_unattributed, per_thread = 0, 0, 0, {}
   for _, thread in ipairs(threads) do
      total_non2xx = total_non2xx + thread:get("non2xx")
      total_is_error = total_is_error + thread:get("is_error")
      total_unattributed = total_unattributed + thread:get("unattributed")
      table.insert(per_thread, "t" .. thread:get("id") .. ":" .. thread:get("responses"))
   end
   local e = summary.errors
   local socket_errors = e.connect + e.read + e.write + e.timeout
   local seconds = summary.duration / 1e6
   local alternated = ""
   local first = threads[1]
   if first:get("alternate") ~= "" then
      -- Each tool's req/s: per thread, its responses over the whole seconds in which it was sent; summed.
      local k = 1
      for name in string.gmatch(first:get("tool_names"), "[^,]+") do
         local counted, rps, slots = 0, 0, first:get("seconds_" .. k)
         for _, thread in ipairs(threads) do
            local thread_counted, thread_slots = thread:get("counted_" .. k), thread:get("seconds_" .. k)
            counted = counted + thread_counted
            if thread_slots > 0 then rps = rps + thread_counted / thread_slots end
         end
         alternated = alternated .. string.format(" alt_%d_tool=%s alt_%d_requests=%d alt_%d_seconds=%d alt_%d_rps=%.1f",
            k, name, k, counted, k, slots, k, rps)
         k = k + 1
      end
      alternated = alternated .. " unattributed=" .. total_unattributed
   end
   io.write(string.format(
      "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
         .. "non2xx=%d is_error=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d per_thread=%s%s\n",
      summary.requests, seconds, summary.requests / seconds,
      latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
      latency.max / 1000, total_non2xx, total_is_error, socket_errors,
      e.connect, e.read, e.write, e.timeout, table.concat(per_thread, ","), alternated))
end
