#!/usr/bin/env bash
# Builds the offline base image `local/busybox:base` (no registry, no Docker Hub): this machine's
# static busybox plus /etc/passwd and /etc/group (the Dev Containers CLI needs a root entry). Used by
# scripts/ci-services.sh and by the README's offline Docker example. Idempotent: an existing image is
# left alone. Needs a Docker engine and a static /bin/busybox (Debian: apt-get install busybox-static).
set -euo pipefail
IMAGE=${1:-local/busybox:base}
if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "$IMAGE: present"
  exit 0
fi
BUSYBOX=${BUSYBOX:-/bin/busybox}
if [ ! -x "$BUSYBOX" ] || ! "$BUSYBOX" --help >/dev/null 2>&1; then
  echo "error: no busybox at $BUSYBOX. Fix: apt-get install busybox-static (or BUSYBOX=/path/to/static/busybox)" >&2
  exit 1
fi
B=$(mktemp -d)
trap 'rm -rf "$B"' EXIT
cp "$BUSYBOX" "$B/busybox"
printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$B/passwd"
printf 'root:x:0:\nnogroup:x:65534:\n' >"$B/group"
printf 'ID=busybox\nNAME=BusyBox\nVERSION_ID=1.35\n' >"$B/os-release"
cat >"$B/Dockerfile" <<'DF'
FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
COPY passwd group os-release /etc/
RUN mkdir -p /root /tmp && chmod 1777 /tmp
CMD ["/bin/sh"]
DF
docker build -q --network host -t "$IMAGE" "$B" >/dev/null
echo "$IMAGE: built from $BUSYBOX"
