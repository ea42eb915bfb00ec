-- wrk script for bench/load.sh: POSTs a weighted mix of the dashboards' queries to /graphql and counts as an
-- error every answer that is not a 200 or whose body holds GraphQL "errors".
-- Arguments (after wrk's "--"): <targets file> <trusted-documents folder> <mix: mixed|builders> <send: text|id>
-- The targets file holds "kind<TAB>value" lines (model ids, person names, organization names, search texts).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function json_string(s)
  s = s:gsub('\\', '\\\\'):gsub('"', '\\"'):gsub('\n', '\\n'):gsub('\r', '\\r'):gsub('\t', '\\t')
  return '"' .. s .. '"'
end

local function read_file(path)
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  local text = file:read("*a")
  file:close()
  return text
end

local function read_targets(path)
  local targets = {}
  for line in io.lines(path) do
    local kind, value = line:match("^([^\t]+)\t(.+)$")
    if kind then
      targets[kind] = targets[kind] or {}
      table.insert(targets[kind], value)
    end
  end
  return targets
end

-- One request body per (document, target), built once; request() then only picks one.
local function bodies_for(folder, send, name, variable_sets)
  local operation = send == "id" and ('"documentId":' .. json_string(name))
    or ('"query":' .. json_string(read_file(folder .. "/" .. name .. ".graphql")))
  local built = {}
  for _, variables in ipairs(variable_sets) do
    table.insert(built, "{" .. operation .. ',"variables":' .. variables .. "}")
  end
  return built
end

local function variable_sets(values, template)
  local sets = {}
  for _, value in ipairs(values or {}) do
    table.insert(sets, string.format(template, json_string(value)))
  end
  assert(#sets > 0, "the targets file lacks values for " .. template)
  return sets
end

function init(args)
  local targets = read_targets(args[1])
  local folder, mix, send = args[2], args[3] or "mixed", args[4] or "text"
  -- weights: out of 20 requests
  local plan = {
    { "builders-by-model", variable_sets(targets.model, '{"model":%s,"first":50}'), mix == "builders" and 20 or 8 },
  }
  if mix ~= "builders" then
    table.insert(plan, { "person-career", variable_sets(targets.person, '{"name":%s}'), 3 })
    table.insert(plan, { "organization-members-as-of", variable_sets(targets.organization, '{"organization":%s,"asOf":"2024","first":50}'), 3 })
    table.insert(plan, { "search", variable_sets(targets.search, '{"text":%s,"first":10}'), 3 })
    table.insert(plan, { "departures", variable_sets(targets.organization, '{"organization":%s,"from":"2023","to":"2025"}'), 3 })
  end
  schedule = {}
  for _, step in ipairs(plan) do
    local built = bodies_for(folder, send, step[1], step[2])
    for i = 1, step[3] do
      table.insert(schedule, built)
    end
  end
  counter = math.random(1, 1000)
  bad_status, graphql_errors, first_error = 0, 0, ""
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  counter = counter + 1
  local built = schedule[(counter % #schedule) + 1]
  return wrk.format(nil, nil, nil, built[(math.floor(counter / #schedule) % #built) + 1])
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
  elseif body:find('"errors"', 1, true) then
    graphql_errors = graphql_errors + 1
  else
    return
  end
  if first_error == "" then
    first_error = status .. " " .. body:sub(1, 300)
  end
end

function done(summary, latency, requests)
  local status, graphql, sample = 0, 0, ""
  for _, thread in ipairs(threads) do
    status = status + thread:get("bad_status")
    graphql = graphql + thread:get("graphql_errors")
    if sample == "" then
      sample = thread:get("first_error")
    end
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write + e.timeout
  local seconds = summary.duration / 1e6
  io.write("\n--- KnowledgeGraph load result ---\n")
  io.write(string.format("requests       %d in %.1f s\n", summary.requests, seconds))
  io.write(string.format("requests/s     %.0f\n", summary.requests / seconds))
  io.write(string.format("latency ms     p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors         %d (non-200: %d, GraphQL errors: %d, socket: connect %d read %d write %d timeout %d)\n",
    status + graphql + socket, status, graphql, e.connect, e.read, e.write, e.timeout))
  if sample ~= "" then
    io.write("first error    " .. sample .. "\n")
  end
end
