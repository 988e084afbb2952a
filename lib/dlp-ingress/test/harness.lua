-- A stand-in for Envoy's Lua HTTP filter host, enough to run envoy_on_request under LuaJIT.
--
--   luajit harness.lua <filter.lua>  < cases  > one JSON object per line
--
-- Like Envoy, the script runs in a coroutine: body() and respond() yield to the host. A body
-- larger than the simulated connection buffer limit is answered 413 by the host (as Envoy does)
-- and the script is never resumed. Input records (binary safe):
--   CASE <id>\n  [LIMIT <bytes>\n]  [HEADER <name> <value>\n]*  [FAIL_GETBYTES\n]
--   (BODY <length>\n<bytes> | NOBODY\n)  END\n

local filter_path = arg[1]
assert(filter_path, "usage: luajit harness.lua <filter.lua>")
local chunk = assert(loadfile(filter_path))
chunk()
assert(type(envoy_on_request) == "function", filter_path .. ": defines no global envoy_on_request")

local function json_string(s)
  return '"' .. s:gsub('[%c"\\\128-\255]', function(c)
    local b = c:byte()
    if c == '"' then return '\\"' end
    if c == "\\" then return "\\\\" end
    if c == "\n" then return "\\n" end
    return string.format("\\u%04x", b)
  end) .. '"'
end

local function json_value(v)
  local t = type(v)
  if t == "string" then return json_string(v) end
  if t == "number" or t == "boolean" then return tostring(v) end
  if t == "nil" then return "null" end
  local parts = {}
  if #v > 0 then
    for _, item in ipairs(v) do parts[#parts + 1] = json_value(item) end
    return "[" .. table.concat(parts, ",") .. "]"
  end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do parts[#parts + 1] = json_string(tostring(k)) .. ":" .. json_value(v[k]) end
  return "{" .. table.concat(parts, ",") .. "}"
end

local function run_case(c)
  local out = { id = c.id, logs = {}, metadata = {}, bodyCalls = 0 }
  local handle = {}
  local header_map = {}
  for _, h in ipairs(c.headers) do header_map[h[1]:lower()] = h[2] end
  local headers = {}
  function headers:get(name) return header_map[name:lower()] end
  function handle:headers() return headers end
  function handle:body()
    out.bodyCalls = out.bodyCalls + 1
    return coroutine.yield("body")
  end
  function handle:respond(h, body)
    assert(type(h) == "table" and h[":status"], "respond() needs a :status header")
    out.status = tonumber(h[":status"])
    out.headers = h
    out.body = body
    coroutine.yield("respond")
    error("respond() returned control to the script") -- Envoy never resumes after respond()
  end
  for _, level in ipairs({ "Trace", "Debug", "Info", "Warn", "Err", "Critical" }) do
    handle["log" .. level] = function(_, msg)
      assert(type(msg) == "string", "log" .. level .. "() takes a string")
      out.logs[#out.logs + 1] = { level = level:lower(), msg = msg }
    end
  end
  local metadata = {}
  function metadata:set(ns, key, value)
    assert(type(ns) == "string" and type(key) == "string", "dynamicMetadata():set(namespace, key, value)")
    out.metadata[ns] = out.metadata[ns] or {}
    out.metadata[ns][key] = value
  end
  local stream_info = {}
  function stream_info:dynamicMetadata() return metadata end
  function handle:streamInfo() return stream_info end

  local co = coroutine.create(function() envoy_on_request(handle) end)
  local ok, what = coroutine.resume(co)
  while true do
    if not ok then
      out.action = "script_error" -- Envoy logs it and lets the request through
      out.error = tostring(what)
      return out
    end
    if coroutine.status(co) == "dead" then
      out.action = "continue"
      return out
    end
    if what == "respond" then
      out.action = "respond"
      return out
    end
    assert(what == "body", "unexpected yield " .. tostring(what))
    if c.body == nil then
      ok, what = coroutine.resume(co, nil)
    elseif #c.body > c.limit then
      out.action = "envoy_413" -- Envoy's own local reply; the script is not resumed
      return out
    else
      local data = c.body
      local buffer = {}
      function buffer:length() return #data end
      function buffer:getBytes(start, len)
        if c.fail_getbytes then error("simulated buffer failure") end
        assert(start >= 0 and len >= 0 and start + len <= #data, "index out of range")
        return data:sub(start + 1, start + len)
      end
      ok, what = coroutine.resume(co, buffer)
    end
  end
end

local input = io.read("*a")
local pos = 1
local function line()
  local e = input:find("\n", pos, true)
  assert(e, "truncated input")
  local l = input:sub(pos, e - 1)
  pos = e + 1
  return l
end

while pos <= #input do
  local id = line():match("^CASE (.+)$")
  assert(id, "expected CASE")
  local c = { id = id, headers = {}, limit = math.huge }
  while true do
    local l = line()
    if l == "END" then break end
    local n = l:match("^LIMIT (%d+)$")
    local name, value = l:match("^HEADER (%S+) (.*)$")
    local len = l:match("^BODY (%d+)$")
    if n then
      c.limit = tonumber(n)
    elseif name then
      c.headers[#c.headers + 1] = { name, value }
    elseif len then
      len = tonumber(len)
      c.body = input:sub(pos, pos + len - 1)
      pos = pos + len
    elseif l == "NOBODY" then
      c.body = nil
    elseif l == "FAIL_GETBYTES" then
      c.fail_getbytes = true
    else
      error("bad record line: " .. l)
    end
  end
  io.write(json_value(run_case(c)), "\n")
end
