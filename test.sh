#!/usr/bin/env bash
# Runs every test on a fresh machine: installs the real peers the tests talk to (net-snmp, pymodbus,
# mbpoll, Network UPS Tools, Chromium), builds, runs all test projects and ends with one line "N passed, N failed".
# Safe to run twice. Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Snmp").
set -euo pipefail
cd "$(dirname "$0")"

need=()
command -v snmpd >/dev/null || need+=(snmpd)
command -v snmpget >/dev/null || need+=(snmp)
command -v mbpoll >/dev/null || need+=(mbpoll)
[ -x /lib/nut/snmp-ups ] || need+=(nut-snmp)
[ -x /lib/nut/upsd ] || need+=(nut-server)
command -v upsc >/dev/null || need+=(nut-client)
/usr/bin/python3 -c 'import pymodbus' 2>/dev/null || need+=(python3-pymodbus)
command -v chromium >/dev/null || need+=(chromium)
[ -d /usr/share/fonts/truetype/dejavu ] || need+=(fonts-dejavu-core)
command -v sqlite3 >/dev/null || need+=(sqlite3)
command -v snmptrapd >/dev/null || need+=(snmptrapd)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test peers: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build DataCenterOps.sln -c Release -nologo -v q
log=$(mktemp)
status=0
dotnet test DataCenterOps.sln -c Release --no-build -nologo "$@" 2>&1 | tee "$log" || status=$?

# Sum the per-project summaries ("Passed!  - Failed: 0, Passed: 12, ...") into one plain line.
passed=$(grep -Eo 'Passed: +[0-9]+,' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+,' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "${passed:-0} passed, ${failed:-0} failed"
exit $status
