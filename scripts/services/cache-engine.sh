#!/usr/bin/env bash
# A second, private Docker Engine whose own builder can EXPORT a BuildKit cache (issue 23's cache-to
# tests). The shared engine of scripts/ci-services.sh is Debian 12's 20.10: its builder (BuildKit 0.8,
# the `docker` buildx driver) imports a registry cache but refuses every export but inline, and the
# usual answer, a docker-container builder, needs the moby/buildkit image, which no registry we can
# reach serves. Debian 13's Docker Engine 26 with the containerd image store exports caches from its
# own builder, so this starts one:
#   docker.io 26 + containerd 1.7 binaries extracted from Debian trixie .debs (dpkg -x; nothing installed),
#   dockerd on unix://$SVC/cache-engine/docker.sock, its own data-root / exec-root, no bridge, no iptables,
#   containerd image store on, with the offline base image local/busybox:base copied from the shared engine.
# Idempotent: an engine already answering there is left alone. Prints `DOCKER_HOST=unix://…` last.
set -euo pipefail
SVC=${SVC_DIR:-/tmp/ci-services}
DIR="$SVC/cache-engine"
SOCK="$DIR/docker.sock"
HOST="unix://$SOCK"
mkdir -p "$DIR"
export DEBIAN_FRONTEND=noninteractive

if ! DOCKER_HOST=$HOST docker info >/dev/null 2>&1; then
  ROOT="$DIR/root"
  if [ ! -x "$ROOT/usr/sbin/dockerd" ] || [ ! -x "$ROOT/usr/bin/containerd" ]; then
    A="$DIR/apt"; mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$A/debs" "$ROOT"
    echo "deb http://deb.debian.org/debian trixie main" >"$A/sources.list"
    APTO=(-o "Dir::Etc::sourcelist=$A/sources.list" -o Dir::Etc::sourceparts=/dev/null
          -o "Dir::State::Lists=$A/lists" -o "Dir::Cache=$A/cache" -o APT::Sandbox::User=root)
    apt-get "${APTO[@]}" update -qq
    (cd "$A/debs" && apt-get "${APTO[@]}" download docker.io containerd >/dev/null)
    for d in "$A"/debs/*.deb; do dpkg -x "$d" "$ROOT"; done
  fi
  mkdir -p "$DIR/data" "$DIR/exec"
  echo '{"features":{"containerd-snapshotter":true}}' >"$DIR/daemon.json"
  if [ -f "$DIR/dockerd.pid" ] && ! kill -0 "$(cat "$DIR/dockerd.pid")" 2>/dev/null; then rm -f "$DIR/dockerd.pid"; fi
  # its own containerd and shims come first on PATH (Debian 12's containerd 1.6 is too old for the image store)
  PATH="$ROOT/usr/bin:$ROOT/usr/sbin:$PATH" setsid nohup "$ROOT/usr/sbin/dockerd" \
    --config-file "$DIR/daemon.json" --data-root "$DIR/data" --exec-root "$DIR/exec" \
    --pidfile "$DIR/dockerd.pid" -H "$HOST" \
    --bridge=none --iptables=false --ip-masq=false --ip6tables=false >"$DIR/dockerd.log" 2>&1 </dev/null &
  for _ in $(seq 1 150); do DOCKER_HOST=$HOST docker info >/dev/null 2>&1 && break; sleep 0.2; done
  if ! DOCKER_HOST=$HOST docker info >/dev/null 2>&1; then
    echo "cache-engine: dockerd did not answer on $HOST; last lines of $DIR/dockerd.log:" >&2
    tail -n 20 "$DIR/dockerd.log" >&2 || true
    exit 1
  fi
fi

if ! DOCKER_HOST=$HOST docker image inspect local/busybox:base >/dev/null 2>&1; then
  docker save local/busybox:base | DOCKER_HOST=$HOST docker load >/dev/null
fi
echo "DOCKER_HOST=$HOST"
