#!/usr/bin/env bash
# Puts a reference server back to its initial state, for `isubench run --reset-command`: stops the server that the pid
# file names (if any), reloads the initial data set, starts the server again and waits until it answers. The tuned
# profile keeps its state in memory, so a reload of the tables alone would not reset it: the restart does.
#   scripts/reset-reference.sh --mysql CONN --profile baseline|tuned --url http://127.0.0.1:PORT --pid-file FILE
#                              [--log FILE] [--seed N] [--rooms N] [--cpus LIST] [-- more isuketch options, e.g. --inject-delay "..."]
# --cpus starts the server on those CPUs only (taskset -c LIST, e.g. 1 or 1-3), beside a bench kept off them with
# `isubench run --cpus`.
# Exit 0 when the server answers, 1 when it did not within 60 s, 2 on a usage error.
set -euo pipefail
cd "$(dirname "$0")/.."

mysql="" profile="" url="" pid_file="" log=/dev/null seed=42 rooms=1000 cpus=""
while [ $# -gt 0 ]; do
  case "$1" in
    --mysql) mysql="$2"; shift 2 ;;
    --profile) profile="$2"; shift 2 ;;
    --url) url="$2"; shift 2 ;;
    --pid-file) pid_file="$2"; shift 2 ;;
    --log) log="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --rooms) rooms="$2"; shift 2 ;;
    --cpus) cpus="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$mysql" ] || [ -z "$profile" ] || [ -z "$url" ] || [ -z "$pid_file" ]; then
  echo "usage: $0 --mysql CONN --profile baseline|tuned --url http://127.0.0.1:PORT --pid-file FILE [--log FILE] [--cpus LIST] [-- isuketch options]" >&2
  exit 2
fi
bin=src/Bench/bin/Release/net10.0

if [ -s "$pid_file" ]; then
  pid="$(cat "$pid_file")"
  if kill "$pid" 2>/dev/null; then
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$pid_file"
fi

dotnet "$bin/isubench.dll" data init --mysql "$mysql" --seed "$seed" --rooms "$rooms"

# On the CPUs asked for, if any: taskset execs the server in place, so the pid file still names it.
pin=()
if [ -n "$cpus" ]; then
  command -v taskset >/dev/null || { echo "--cpus needs taskset (util-linux)" >&2; exit 2; }
  taskset -c "$cpus" true 2>/dev/null || { echo "--cpus $cpus: not CPUs of this machine (online: $(cat /sys/devices/system/cpu/online))" >&2; exit 2; }
  pin=(taskset -c "$cpus")
fi

# A session of its own and no terminal: the server outlives this script, which ends when it answers.
setsid "${pin[@]}" dotnet "$bin/isuketch.dll" --profile "$profile" --urls "$url" --mysql "$mysql" "$@" >"$log" 2>&1 </dev/null &
echo $! >"$pid_file"
for _ in $(seq 1 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/api/rooms" || true)" = 200 ] && exit 0
  kill -0 "$(cat "$pid_file")" 2>/dev/null || { echo "the reference server exited; see $log" >&2; exit 1; }
  sleep 0.25
done
echo "the reference server did not answer on $url within 60 s; see $log" >&2
exit 1
