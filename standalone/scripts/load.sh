#!/usr/bin/env bash
# A bounded load against a running standalone system: RATE requests a second for DURATION seconds, then it stops.
# Half the requests are commands (a new referral, then its acceptance, one after the other), half are reads (a
# case summary, the practice's waiting list). Prints the count, the errors, latency percentiles and the server's memory over the run.
#
#   standalone/scripts/load.sh                       # 10 requests/s for 60 s against http://localhost:8080
#   RATE=20 DURATION=120 BASE=http://host:8080 standalone/scripts/load.sh
#
# 10 requests/s is about 30 times the demo programme's busiest hours (62,000 referrals a year, ~650,000 events:
# ~0.3 commands/s in working hours). Every request logs in with HTTP Basic (bcrypt, ~70 ms of CPU each), as a real
# client would; on 2 cores that, and this script's own curl processes, set the ceiling near 25 requests/s.
set -euo pipefail

RATE=${RATE:-10}
DURATION=${DURATION:-60}
BASE=${BASE:-http://localhost:8080}
RUN=${RUN:-load-$(date +%s)}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

admin=(-u admin:admin-demo -H 'Content-Type: application/json')
port=${BASE##*:}; port=${port%%/*}
pid=$(ss -ltnpH "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)
rss() { [ -n "$pid" ] && awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status" 2>/dev/null || echo "?"; }

curl -fs "${admin[@]}" "$BASE/api/settings" -o /dev/null -d '{"settingId":"gp-40001",
  "name":"Parkhead Medical Practice","type":"GP_PRACTICE","hscp":"GLASGOW_CITY"}' || true
curl -fs "${admin[@]}" "$BASE/api/participants" -o /dev/null -d '{"participantId":"P990001",
  "personalDetails":{"givenName":"Load","familyName":"Demo-Load"},"demographics":{"gender":"FEMALE","ageBand":"AGE_35_44"}}' || true
curl -fs "${admin[@]}" "$BASE/api/referrals" -o /dev/null -d "{\"referralId\":\"ref-$RUN-seed\",
  \"participantId\":\"P990001\",\"settingId\":\"gp-40001\",\"needs\":[\"DEBT\"],\"primaryNeed\":\"DEBT\",
  \"route\":\"SELF\",\"consentRecorded\":true}"
until curl -fs -u auditor:auditor-demo -o /dev/null "$BASE/api/cases/ref-$RUN-seed"; do sleep 0.2; done

request() {
  local n=$1 id="ref-$RUN-$1" status=(-o /dev/null -w '%{http_code} %{time_total}\n')
  case $(( n % 4 )) in
    0) curl -s "${admin[@]}" "${status[@]}" "$BASE/api/referrals" -d "{\"referralId\":\"$id\",
         \"participantId\":\"P990001\",\"settingId\":\"gp-40001\",\"needs\":[\"DEBT\"],\"primaryNeed\":\"DEBT\",
         \"route\":\"SELF\",\"consentRecorded\":true}"
       curl -s "${admin[@]}" "${status[@]}" -X POST "$BASE/api/referrals/$id/acceptance" ;;
    1) curl -s -u manager:manager-demo "${status[@]}" "$BASE/api/waiting-list?setting=gp-40001&size=20" ;;
    3) curl -s -u auditor:auditor-demo "${status[@]}" "$BASE/api/cases/ref-$RUN-seed" ;;
  esac >> "$OUT/results"
}

echo "Load: $RATE requests/s for $DURATION s against $BASE (server pid ${pid:-unknown}, RSS $(rss) MiB at start)"
interval=$(awk "BEGIN {printf \"%.6f\", 1 / $RATE}")
total=$(( RATE * DURATION ))
max_rss=0
start=$(date +%s.%N)
for (( n = 0; n < total; n++ )); do
  request "$n" &
  if (( n % (RATE * 5) == 0 )); then
    now=$(rss); [ "$now" != "?" ] && (( now > max_rss )) && max_rss=$now
    echo "  t=$(( n / RATE ))s RSS ${now} MiB"
  fi
  # Keep to the schedule: sleep until request n+1 is due.
  delay=$(awk "BEGIN {d = $start + ($n + 1) * $interval - $(date +%s.%N); printf \"%.4f\", (d > 0 ? d : 0)}")
  sleep "$delay"
done
wait

sort -k2 -n "$OUT/results" > "$OUT/sorted"
count=$(wc -l < "$OUT/sorted")
errors=$(awk '$1 !~ /^2/' "$OUT/sorted" | wc -l)
pct() { awk -v p="$1" -v c="$count" 'NR == int((c - 1) * p / 100) + 1 {printf "%.0f", $2 * 1000}' "$OUT/sorted"; }
echo "Load: $count requests in $(awk "BEGIN {printf \"%.1f\", $(date +%s.%N) - $start}") s, errors: $errors" \
  "$(awk '$1 !~ /^2/ {print $1}' "$OUT/sorted" | sort | uniq -c | tr '\n' ' ')"
echo "Latency ms: p50 $(pct 50), p95 $(pct 95), p99 $(pct 99), max $(pct 100)"
echo "Server RSS: $(rss) MiB at end (max seen $max_rss MiB)"
[ "$errors" -eq 0 ]
