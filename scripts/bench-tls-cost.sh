#!/usr/bin/env bash
# Where the client's CPU goes per new TLS connection (one small GET, the head read, closed: how the original benchmark loaded
# images) against Debian's nginx with TLS 1.2 only and with TLS 1.3 only, self-signed RSA-2048 as Debian's snakeoil: the own
# client on TLS 1.3 and on TLS 1.2, SslStream on TLS 1.3 and 1.2, SslStream on 1.2 with options that might spare work, and
# openssl s_time -new as the raw cost of OpenSSL's client. Ratios within one run only: the machine is shared. Prints a Markdown
# table and the conditions; results/tls-cost.md holds a run. Not part of the test suite.
#   scripts/bench-tls-cost.sh [--connections 1500] [--rounds 3] [--seconds 5]
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=1500
ROUNDS=3
S_TIME_SECONDS=5
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --seconds) S_TIME_SECONDS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
command -v nginx >/dev/null || { echo "nginx is missing: apt-get install -y nginx" >&2; exit 4; }
command -v openssl >/dev/null || { echo "openssl is missing: apt-get install -y openssl" >&2; exit 4; }

dotnet build -c Release benchmarks/TlsCost -v quiet -nologo >/dev/null
TOOL=benchmarks/TlsCost/bin/Release/net10.0/tls-cost.dll
WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap cleanup EXIT

openssl req -x509 -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -days 1 -keyout "$WORK/key.pem" -out "$WORK/cert.pem" 2>/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

# One private nginx per protocol: its own prefix and temporary folders, one process in the foreground.
start_nginx() {
  local name=$1 protocols=$2 port=$3 dir="$WORK/$1"
  mkdir -p "$dir"
  cat > "$dir/nginx.conf" <<CONF
daemon off;
master_process off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/body;
    proxy_temp_path $dir/proxy;
    fastcgi_temp_path $dir/fastcgi;
    uwsgi_temp_path $dir/uwsgi;
    scgi_temp_path $dir/scgi;
    server {
        listen 127.0.0.1:$port ssl;
        ssl_certificate $WORK/cert.pem;
        ssl_certificate_key $WORK/key.pem;
        ssl_protocols $protocols;
        location / { return 200 "ok"; }
    }
}
CONF
  nginx -p "$dir" -c "$dir/nginx.conf" -e "$dir/error.log" &
  PIDS+=($!)
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    sleep 0.1
  done
  echo "nginx ($name) did not start: $(cat "$dir/error.log")" >&2
  exit 4
}
PORT12=$(free_port)
start_nginx tls12 TLSv1.2 "$PORT12"
PORT13=$(free_port)
start_nginx tls13 TLSv1.3 "$PORT13"

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
dotnet "$TOOL" --tls12 "https://127.0.0.1:$PORT12" --tls13 "https://127.0.0.1:$PORT13" \
  --connections "$CONNECTIONS" --rounds "$ROUNDS" > "$WORK/table.md"
echo
cat "$WORK/table.md"
echo
# openssl s_time -new: a new connection each time, no resumption, a GET of /; "connections/user sec" is its CPU (user) rate.
for version in 1_2 1_3; do
  port=$PORT12; [ "$version" = 1_3 ] && port=$PORT13
  line=$(openssl s_time -connect "127.0.0.1:$port" -new -time "$S_TIME_SECONDS" -www / "-tls$version" 2>/dev/null \
    | grep "connections/user sec" | head -n 1)
  echo "openssl s_time -new -tls$version: $line"
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
echo
echo "load average before: $LOAD_START; after: $LOAD_END; $(nproc) CPUs; $(nginx -v 2>&1); $(openssl version); dotnet $(dotnet --version)"
