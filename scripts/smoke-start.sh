#!/usr/bin/env bash
# Starts Visita the way the README says, on a fresh data dir, and checks the documented first call.
set -euo pipefail
dir=$(mktemp -d)
port=${SMOKE_PORT:-$(( 20000 + RANDOM % 20000 ))}
log="$dir/start.log"
start=$(date +%s)
# Its own process group, so that stopping it also stops the node process npm and tsx start.
VISITA_DATA_DIR="$dir/data" PORT=$port setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  grep -q 'Visita is ready' "$log" && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "npm start exited"; exit 1; }
  sleep 0.5
done
grep -q 'Visita is ready' "$log" || { cat "$log"; echo "npm start was not ready in 120 s"; exit 1; }
echo "ready after $(( $(date +%s) - start )) s"
token=$(grep -o 'demo partner token: [0-9a-f]*' "$log" | awk '{print $4}')
body=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/companies")
echo "$body" | grep -q '"success":true' || { echo "unexpected: $body"; exit 1; }
echo "$body" | grep -q 'Europe/Berlin' && echo "$body" | grep -q 'America/New_York' || { echo "demo locations missing"; exit 1; }
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/v1/companies")
[ "$code" = 401 ] || { echo "expected 401 without token, got $code"; exit 1; }
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null
app=$(curl -sf "http://127.0.0.1:$port/app/")
echo "$app" | grep -q 'visita-partner-token' || { echo "the client app is not served at /app/"; exit 1; }
[ "$(curl -s -o /dev/null -w '%{redirect_url}' "http://127.0.0.1:$port/")" = "http://127.0.0.1:$port/app/" ] || { echo "/ does not redirect to /app/"; exit 1; }
# npm start builds the back office first: /admin/ is its page, its script loads.
admin=$(curl -sf "http://127.0.0.1:$port/admin/")
echo "$admin" | grep -q '<div id="root">' || { echo "back office not served: $admin"; exit 1; }
asset=$(echo "$admin" | grep -o '/admin/assets/[^"]*\.js' | head -1)
curl -sf -o /dev/null "http://127.0.0.1:$port$asset" || { echo "back office script $asset missing"; exit 1; }
echo "smoke: npm start serves the demo locations, the client app at /app/ and the back office at /admin/; 401 without a token; ready"
