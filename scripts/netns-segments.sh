#!/usr/bin/env bash
# One run in two segments from two simulated hosts: the reference server in one network namespace, segment 1/2 and
# segment 2/2 of isubench each in another, joined to the server's by a veth pair on 10.231.0.0/24 with `tc netem`
# delaying each direction by 0.5 ms (1 ms of round trip). The segments share an --out folder and a --start-at, then
# `isubench merge` makes the run's result and the script prints its verdict (README, "On several machines").
#
#   sudo scripts/netns-segments.sh [--duration SECONDS] [--rooms N] [--profile baseline|tuned] [--out DIR] [--no-build] [--no-delay]
#
#   --duration   the load phase, in seconds (default 15)
#   --rooms      the initial data set's rooms (default 1000, the full set the initial check expects)
#   --profile    the reference's server profile (default baseline)
#   --out        where the partial results and the merged run go: DIR/segments, DIR/merged (default .local/netns-segments/<UTC time>)
#   --no-build   use the Release build as it is (otherwise `dotnet build src/Bench -c Release` first)
#   --no-delay   no netem on the veth pairs, for a kernel built without it (CONFIG_NET_SCH_NETEM): the namespaces alone
#
# The server's private MariaDB (`isubench db start`) runs in the server's namespace too, on its loopback, so no traffic
# leaves the namespaces this script makes: server 10.231.0.1 on a bridge, segments 10.231.0.2 and 10.231.0.3.
# Needs root (namespaces and qdiscs), `ip` and `tc` (iproute2), the kernel's netem qdisc (sch_netem; without it the
# script stops and says so, unless --no-delay), curl, MariaDB and the .NET SDK.
# On exit, on failure or Ctrl+C too, it stops the server and MariaDB and deletes its namespaces (and with them the
# veth pairs and the bridge). It takes a minute or two (the build aside), so no test runs it.
# Exit codes: those of `isubench merge` (0 the merged run passed, 1 it failed, 2 unreadable partial results),
# 2 a usage error, 4 not root or a program missing.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=15 rooms=1000 profile=baseline out="" build=1 delay=1
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration="$2"; shift 2 ;;
    --rooms) rooms="$2"; shift 2 ;;
    --profile) profile="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --no-delay) delay=0; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see $0 --help)" >&2; exit 2 ;;
  esac
done

if [ "$(id -u)" != 0 ]; then
  echo "$0 makes network namespaces, veth pairs and qdiscs, which needs root: run it with sudo" >&2
  exit 4
fi
for program in ip tc curl mariadbd dotnet; do
  if ! command -v "$program" >/dev/null; then
    case "$program" in
      ip|tc) package=iproute2 ;;
      mariadbd) package=mariadb-server ;;
      *) package=$program ;;
    esac
    if [ "$program" = dotnet ]; then echo "$0 needs the .NET 10 SDK (dotnet) on the PATH" >&2
    else echo "$0 needs $program: apt-get install $package" >&2; fi
    exit 4
  fi
done

bin=src/Bench/bin/Release/net10.0
if [ "$build" = 1 ]; then dotnet build src/Bench -c Release -nologo -v quiet; fi
[ -f "$bin/isubench.dll" ] || { echo "no build in $bin: run without --no-build" >&2; exit 4; }
isubench() { dotnet "$bin/isubench.dll" "$@"; }

# Names of this run's own, so that two runs (or a stale one) never share a namespace.
tag=$$
srv="isubench-srv-$tag" seg1="isubench-seg1-$tag" seg2="isubench-seg2-$tag"
work=$(mktemp -d -t isubench-netns-XXXXXX)
url=http://10.231.0.1:8080

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  [ -s "$work/server.pid" ] && kill "$(cat "$work/server.pid")" 2>/dev/null || true
  ip netns list | grep -q "^$srv\b" && ip netns exec "$srv" dotnet "$bin/isubench.dll" db stop --dir "$work/db" >/dev/null 2>&1 || true
  # Whatever still runs in the namespaces is ours; it goes before they do.
  for ns in "$srv" "$seg1" "$seg2"; do
    ip netns pids "$ns" 2>/dev/null | xargs -r kill 2>/dev/null || true
    ip netns delete "$ns" 2>/dev/null || true
  done
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ip netns add "$srv"
ip netns add "$seg1"
ip netns add "$seg2"
inns() { local ns="$1"; shift; ip netns exec "$ns" "$@"; }
for ns in "$srv" "$seg1" "$seg2"; do inns "$ns" ip link set lo up; done
inns "$srv" ip link add br0 type bridge
inns "$srv" ip addr add 10.231.0.1/24 dev br0
inns "$srv" ip link set br0 up
address=2
for ns in "$seg1" "$seg2"; do
  port="seg$((address - 1))"
  # Made in the two namespaces at once: nothing appears in this machine's own.
  ip link add eth0 netns "$ns" type veth peer name "$port" netns "$srv"
  inns "$ns" ip addr add "10.231.0.$address/24" dev eth0
  inns "$ns" ip link set eth0 up
  inns "$srv" ip link set "$port" master br0
  inns "$srv" ip link set "$port" up
  # Half the round trip each way.
  if [ "$delay" = 1 ] && ! { inns "$ns" tc qdisc add dev eth0 root netem delay 500us \
    && inns "$srv" tc qdisc add dev "$port" root netem delay 500us; }; then
    echo "tc netem failed: this kernel has no netem qdisc (sch_netem, CONFIG_NET_SCH_NETEM): load it (modprobe sch_netem)," \
      "or run with --no-delay for the namespaces without the 1 ms" >&2
    exit 4
  fi
  address=$((address + 1))
done

out=${out:-.local/netns-segments/$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$out"
echo "== server namespace $srv: MariaDB, $rooms rooms, the reference ($profile) on $url (log: $out/server-setup.log)"
if ! mysql=$(inns "$srv" dotnet "$bin/isubench.dll" db start --dir "$work/db" --port 0 2>>"$out/server-setup.log" | tail -n 1) \
  || ! inns "$srv" scripts/reset-reference.sh --mysql "$mysql" --profile "$profile" --url "$url" \
    --pid-file "$work/server.pid" --log "$out/server.log" --rooms "$rooms" >>"$out/server-setup.log" 2>&1; then
  tail -n 20 "$out/server-setup.log" >&2
  echo "the server's namespace did not come up: see $out/server-setup.log and $out/server.log" >&2
  exit 1
fi
for ns in "$seg1" "$seg2"; do
  connect=$(inns "$ns" curl -s -o /dev/null -w '%{time_connect}' "$url/api/rooms")
  echo "   from $ns: TCP connect $(awk -v s="$connect" 'BEGIN { printf "%.2f", s * 1000 }') ms (one round trip)"
done

# Late enough for both processes to start and segment 1 to run the initial check.
start=$(date -u -d '+15 seconds' +%Y-%m-%dT%H:%M:%SZ)
echo "== segments 1/2 in $seg1 and 2/2 in $seg2: --start-at $start, --duration $duration, --out $out/segments"
pids=()
for i in 1 2; do
  ns_var="seg$i"
  inns "${!ns_var}" dotnet "$bin/isubench.dll" run --target "$url" --segment "$i/2" --start-at "$start" --duration "$duration" \
    --out "$out/segments" --no-progress >"$out/segment-$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2; do
  if wait "${pids[$((i - 1))]}"; then echo "   segment $i/2: exit 0"; else echo "   segment $i/2: exit $? (see $out/segment-$i.log)"; fi
done

echo "== isubench merge $out/segments --out $out/merged"
set +e
isubench merge "$out/segments" --out "$out/merged" | tee "$out/merge.log"
verdict=${PIPESTATUS[0]}
set -e
echo "== merged verdict: $(if [ "$verdict" = 0 ]; then echo PASS; else echo "FAIL (exit $verdict)"; fi); files in $out/merged"
exit "$verdict"
