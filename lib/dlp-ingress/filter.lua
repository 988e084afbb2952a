-- Summit Ops ingress DLP: an Envoy HTTP Lua filter that answers 422 to request bodies carrying
-- a US SSN or a payment card number, with the rule ids only (never the value).
--
-- Template: lib/dlp-ingress/filter.lua. The values between @@ markers are filled in by
-- lib/dlp-ingress/generate.ts from lib/dlp/rules.json; the rendered script is embedded in
-- infra/k8s/gateway/dlp-envoyfilter.yaml. Edit the template, then run
--   npx node lib/dlp-ingress/generate.ts --write
--
-- The detectors mirror the CI scanner's regexes and validators byte for byte (the tests run both
-- over the same labelled cases and random inputs and require identical verdicts). Lua patterns
-- have no {n} quantifier, so fixed-width digit groups are spelled out (%d%d%d).

local MAX_BODY_BYTES = @@MAX_BODY_BYTES@@
local METADATA_NAMESPACE = "@@METADATA_NAMESPACE@@"
-- Pack order; `detector` names the Lua check that implements the rule's regex + validator.
local RULES = {
@@RULES@@
}
-- Numbers the SSA published or that were famously misused: never anyone's (CI validator list).
local KNOWN_FAKE_SSN = {
@@KNOWN_FAKE_SSN@@
}

local byte, sub, find, lower, gsub, concat = string.byte, string.sub, string.find, string.lower, string.gsub, table.concat

local function is_digit(b)
  return b ~= nil and b >= 48 and b <= 57
end

local function is_word(b)
  return (b >= 48 and b <= 57) or (b >= 65 and b <= 90) or (b >= 97 and b <= 122) or b == 95
end

-- The CI regexes' lookbehind (?<![\w.+-]): a match cannot start right after these bytes.
local function starts_ok(s, i)
  local b = byte(s, i - 1)
  if b == nil then
    return true
  end
  return not (is_word(b) or b == 46 or b == 43 or b == 45)
end

-- The CI regexes' lookahead (?![\w-]|\.\d) at p, the byte after the match.
local function ends_ok(s, p)
  local b = byte(s, p)
  if b == nil then
    return true
  end
  if is_word(b) or b == 45 then
    return false
  end
  return not (b == 46 and is_digit(byte(s, p + 1)))
end

-- us-ssn regex: \d{3}-\d{2}-\d{4} | \d{3} \d{2} \d{4} | \d{9}, tried in that order at i.
local function match_ssn(s, i)
  local _, e = find(s, "^%d%d%d%-%d%d%-%d%d%d%d", i)
  if e and ends_ok(s, e + 1) then
    return e
  end
  _, e = find(s, "^%d%d%d %d%d %d%d%d%d", i)
  if e and ends_ok(s, e + 1) then
    return e
  end
  _, e = find(s, "^%d%d%d%d%d%d%d%d%d", i)
  if e and ends_ok(s, e + 1) then
    return e
  end
  return nil
end

-- payment-card regex: \d{13,19} | \d{4}([ -])\d{4}\1\d{4}\1\d{4}(?:\1\d{3})? | \d{4}([ -])\d{6}\2\d{4,5}
local function match_card(s, i, run_end)
  local n = run_end - i + 1
  -- A greedy \d{13,19} that fails its lookahead cannot succeed shorter: a digit would follow.
  if n >= 13 and n <= 19 and ends_ok(s, run_end + 1) then
    return run_end
  end
  local _, e, sep = find(s, "^%d%d%d%d([ %-])%d%d%d%d%1%d%d%d%d%1%d%d%d%d", i)
  if e then
    if byte(s, e + 1) == byte(sep) and is_digit(byte(s, e + 2)) and is_digit(byte(s, e + 3)) and is_digit(byte(s, e + 4)) and ends_ok(s, e + 5) then
      return e + 4
    end
    if ends_ok(s, e + 1) then
      return e
    end
  end
  _, e = find(s, "^%d%d%d%d([ %-])%d%d%d%d%d%d%1%d%d%d%d", i)
  if e then
    if is_digit(byte(s, e + 1)) and ends_ok(s, e + 2) then
      return e + 1
    end
    if ends_ok(s, e + 1) then
      return e
    end
  end
  return nil
end

local function luhn_valid(d)
  local sum, double = 0, false
  for k = #d, 1, -1 do
    local v = byte(d, k) - 48
    if double then
      v = v * 2
      if v > 9 then
        v = v - 9
      end
    end
    sum = sum + v
    double = not double
  end
  return sum % 10 == 0
end

-- Same table as cardBrand() in lib/dlp/validators.ts.
local function card_brand(d)
  local len = #d
  local p2, p3, p4, p6 = tonumber(sub(d, 1, 2)), tonumber(sub(d, 1, 3)), tonumber(sub(d, 1, 4)), tonumber(sub(d, 1, 6))
  if sub(d, 1, 1) == "4" and (len == 13 or len == 16 or len == 19) then
    return "visa"
  end
  if ((p2 >= 51 and p2 <= 55) or (p4 >= 2221 and p4 <= 2720)) and len == 16 then
    return "mastercard"
  end
  if (p2 == 34 or p2 == 37) and len == 15 then
    return "amex"
  end
  if (p4 == 6011 or p2 == 65 or (p3 >= 644 and p3 <= 649) or (p6 >= 622126 and p6 <= 622925)) and len >= 16 and len <= 19 then
    return "discover"
  end
  if p4 >= 3528 and p4 <= 3589 and len >= 16 and len <= 19 then
    return "jcb"
  end
  if ((p3 >= 300 and p3 <= 305) or p4 == 3095 or p2 == 36 or p2 == 38 or p2 == 39) and len >= 14 and len <= 19 then
    return "diners"
  end
  if p2 == 62 and len >= 16 and len <= 19 then
    return "unionpay"
  end
  return nil
end

local function valid_card(m)
  local d = gsub(m, "[ %-]", "")
  if not find(d, "[^" .. sub(d, 1, 1) .. "]") then
    return false -- one repeated digit
  end
  return card_brand(d) ~= nil and luhn_valid(d)
end

-- `.` in the CI context regex is one UTF-16 unit of decoded UTF-8 text (not \r, \n, U+2028/9):
-- the byte length of one such character at q, or nil.
local function one_char_len(l, q)
  local c = byte(l, q)
  if c == nil or c == 10 or c == 13 then
    return nil
  end
  if c < 0x80 then
    return 1
  end
  local want = 0
  if c >= 0xC2 and c <= 0xDF then
    want = 1
  elseif c >= 0xE0 and c <= 0xEF then
    want = 2
  elseif c >= 0xF0 and c <= 0xF4 then
    want = 3
  end
  local got = 0
  while got < want do
    local b = byte(l, q + got + 1)
    if b == nil or b < 0x80 or b > 0xBF then
      break
    end
    got = got + 1
  end
  if want == 3 and got == 3 then
    return nil -- an astral character is two UTF-16 units: `.?` cannot take it
  end
  if want == 2 and got == 2 and c == 0xE2 and byte(l, q + 1) == 0x80 and (byte(l, q + 2) == 0xA8 or byte(l, q + 2) == 0xA9) then
    return nil -- U+2028 / U+2029 are line terminators for `.`
  end
  return got + 1 -- a valid sequence, or one U+FFFD for an invalid one
end

-- The CI validator's context: /(?<![a-z])ss(?:n(?![a-z])|#)|social.?security/i on the line:
-- "ssn" or "ss#" not inside a word (isScssNestedProperty is no context), or social security.
local function ssn_context(line)
  local l = lower(line)
  local q = 1
  while true do
    local a = find(l, "ss", q, true)
    if not a then
      break
    end
    local before = a > 1 and byte(l, a - 1) or 0
    if not (before >= 97 and before <= 122) then
      local c = byte(l, a + 2)
      local after = byte(l, a + 3) or 0
      if c == 35 or (c == 110 and not (after >= 97 and after <= 122)) then
        return true
      end
    end
    q = a + 1
  end
  local p = 1
  while true do
    local _, b = find(l, "social", p, true)
    if not b then
      return false
    end
    if sub(l, b + 1, b + 8) == "security" then
      return true
    end
    local len = one_char_len(l, b + 1)
    if len and sub(l, b + 1 + len, b + 8 + len) == "security" then
      return true
    end
    p = b + 1
  end
end

local function valid_ssn(m, has_context)
  local d = gsub(m, "[ %-]", "")
  if #d ~= 9 then
    return false
  end
  local area = sub(d, 1, 3)
  if area == "000" or area == "666" or sub(d, 1, 1) == "9" then
    return false
  end
  if sub(d, 4, 5) == "00" or sub(d, 6, 9) == "0000" then
    return false
  end
  if KNOWN_FAKE_SSN[d] then
    return false
  end
  -- ddd-dd-dddd is recognisable on its own; nine bare (or space-separated) digits need context.
  if not find(m, "-", 1, true) then
    return has_context()
  end
  return true
end

-- Returns the set of detectors that fired. Every match candidate starts a digit run, so the loop
-- jumps from run to run; each detector keeps the regex's "next search starts after the last
-- match" position, so candidates are the same as the CI scanner's global regex.
local function scan(s, wanted)
  local found, remaining = {}, 0
  for _ in pairs(wanted) do
    remaining = remaining + 1
  end
  local n = #s
  local pos, ssn_next, card_next = 1, 1, 1
  local line_start, line_end = 1, find(s, "\n", 1, true) or n + 1
  local ctx_line, ctx_value = -1, false
  local function has_context()
    if ctx_line ~= line_start then
      local e = line_end - 1
      if byte(s, e) == 13 then
        e = e - 1
      end
      ctx_line, ctx_value = line_start, ssn_context(sub(s, line_start, e))
    end
    return ctx_value
  end
  while remaining > 0 do
    local i = find(s, "%d", pos)
    if not i then
      break
    end
    local _, run_end = find(s, "^%d+", i)
    if starts_ok(s, i) then
      while line_end < i do
        line_start = line_end + 1
        line_end = find(s, "\n", line_start, true) or n + 1
      end
      if wanted.ssn and not found.ssn and i >= ssn_next then
        local e = match_ssn(s, i)
        if e then
          ssn_next = e + 1
          if valid_ssn(sub(s, i, e), has_context) then
            found.ssn, remaining = true, remaining - 1
          end
        end
      end
      if wanted.card and not found.card and i >= card_next then
        local e = match_card(s, i, run_end)
        if e then
          card_next = e + 1
          if valid_card(sub(s, i, e)) then
            found.card, remaining = true, remaining - 1
          end
        end
      end
    end
    pos = run_end + 1
  end
  return found
end

local WANTED = {}
for _, rule in ipairs(RULES) do
  WANTED[rule.detector] = true
end

local function set_metadata(handle, key, value)
  handle:streamInfo():dynamicMetadata():set(METADATA_NAMESPACE, key, value)
end

-- Local replies carry x-dlp-verdict (and x-dlp-rules on 422) so the gateway's Istio stats can
-- count them (see infra/k8s/gateway/dlp-telemetry.yaml); bodies are JSON with ids only.
local function reply(handle, status, verdict, body, rules_header)
  local headers = {
    [":status"] = tostring(status),
    ["content-type"] = "application/json",
    ["cache-control"] = "no-store",
    ["x-dlp-verdict"] = verdict,
  }
  if rules_header then
    headers["x-dlp-rules"] = rules_header
  end
  set_metadata(handle, "verdict", verdict)
  handle:respond(headers, body)
end

local function reject_too_large(handle, declared)
  handle:logWarn("summit-dlp: verdict=too_large declared_bytes=" .. tostring(declared) .. " limit_bytes=" .. MAX_BODY_BYTES)
  reply(handle, 413, "too_large", '{"error":"dlp_body_too_large","limit_bytes":' .. MAX_BODY_BYTES .. "}")
end

function envoy_on_request(request_handle)
  local headers = request_handle:headers()
  -- Compressed bodies cannot be scanned here; passing them would be a bypass (fail closed).
  local encoding = headers:get("content-encoding")
  if encoding ~= nil and lower(encoding) ~= "identity" then
    request_handle:logWarn("summit-dlp: verdict=unscannable_encoding")
    reply(request_handle, 415, "unscannable_encoding", '{"error":"dlp_unscannable_encoding"}')
    return
  end
  -- Refuse a declared oversize body before buffering it. A body without Content-Length that
  -- outgrows the buffer limit is refused by Envoy itself (413, same JSON via local_reply_config).
  local declared = tonumber(headers:get("content-length") or "")
  if declared ~= nil and declared > MAX_BODY_BYTES then
    reject_too_large(request_handle, declared)
    return
  end
  local body = request_handle:body()
  if body == nil then
    set_metadata(request_handle, "verdict", "no_body")
    return
  end
  local ok, result = pcall(function()
    local length = body:length()
    if length > MAX_BODY_BYTES then
      return { too_large = length }
    end
    if length == 0 then
      return { found = {} }
    end
    return { found = scan(body:getBytes(0, length), WANTED), bytes = length }
  end)
  if not ok then
    -- A script error in Envoy's Lua filter lets the request through: fail closed instead.
    request_handle:logErr("summit-dlp: verdict=scan_failed")
    reply(request_handle, 503, "scan_failed", '{"error":"dlp_scan_failed"}')
    return
  end
  if result.too_large then
    reject_too_large(request_handle, result.too_large)
    return
  end
  local ids = {}
  for _, rule in ipairs(RULES) do
    if result.found[rule.detector] then
      ids[#ids + 1] = rule.id
    end
  end
  if #ids == 0 then
    set_metadata(request_handle, "verdict", "pass")
    return
  end
  local list = concat(ids, ",")
  set_metadata(request_handle, "rules", list)
  request_handle:logWarn("summit-dlp: verdict=blocked rules=" .. list .. " bytes=" .. tostring(result.bytes))
  reply(request_handle, 422, "blocked", '{"error":"dlp_blocked","rules":["' .. concat(ids, '","') .. '"]}', list)
end
