#!/usr/bin/env bash
# Generate the typed C# client (Kiota) of the API from the OpenAPI document the API serves (docs/client.md).
#
#   build/generate-client.sh                          build the WebApi, start it on a free loopback port, read its
#                                                     /openapi/v1.json and write tests/Integration/Kiota/Client
#   build/generate-client.sh --document FILE [--output DIR]
#                                                     generate from a document already fetched (the freshness test
#                                                     passes the document its test server served, and a temporary DIR)
#
# The WebApi starts in Development, like build/run.sh, with the services its settings or ConnectionStrings__* name;
# it needs no data to serve the document, and serves it even while PostgreSQL and Redis do not answer.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

OUTPUT="$ROOT/tests/Integration/Kiota/Client"
WEBAPI_DIR="$ROOT/src/WebApi/bin/Release/net10.0"
WEBAPI_DLL="Reservations.WebApi.dll"
READY_TIMEOUT=60

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Kiota: no telemetry, no update check over the network, no hints after the run.
export KIOTA_CLI_TELEMETRY_OPTOUT=true KIOTA_UPDATE__DISABLED=true KIOTA_TUTORIAL_ENABLED=false

log() { echo "generate-client: $*" >&2; }
die() {
  echo "generate-client: error: $*" >&2
  exit 1
}
usage() { echo "usage: build/generate-client.sh [--document FILE [--output DIR]]"; }

document=""
while (($#)); do
  case "$1" in
    --document)
      document="$(realpath "${2:?--document needs a file}")"
      shift 2
      ;;
    --output)
      OUTPUT="$(realpath -m "${2:?--output needs a directory}")"
      shift 2
      ;;
    -h | --help)
      usage
      exit 0
      ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
done

for tool in dotnet curl python3; do
  command -v "$tool" >/dev/null || die "$tool is required"
done

work="$(mktemp -d)"
webapi_pid=""
cleanup() {
  if [[ -n "$webapi_pid" ]] && kill -0 "$webapi_pid" 2>/dev/null; then
    kill -TERM "$webapi_pid" 2>/dev/null || true
    wait "$webapi_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

serve_document() {
  log "building the WebApi (Release)"
  dotnet build src/WebApi/WebApi.csproj -c Release -v quiet -nologo >"$work/build.log" 2>&1 ||
    { tail -n 30 "$work/build.log" >&2; die "build failed"; }

  log "starting the WebApi on a free loopback port"
  (cd "$WEBAPI_DIR" && ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:0 exec dotnet "$WEBAPI_DLL") \
    </dev/null >"$work/webapi.log" 2>&1 &
  webapi_pid=$!

  local url="" deadline=$((SECONDS + READY_TIMEOUT))
  until [[ -n "$url" ]] && curl -sf --max-time 5 "$url/openapi/v1.json" -o "$work/served.json"; do
    kill -0 "$webapi_pid" 2>/dev/null || { tail -n 30 "$work/webapi.log" >&2; die "the WebApi exited during startup"; }
    ((SECONDS < deadline)) || { tail -n 30 "$work/webapi.log" >&2; die "no OpenAPI document within ${READY_TIMEOUT}s"; }
    url="$(grep -soE 'Now listening on: http://[0-9.]+:[0-9]+' "$work/webapi.log" | head -n 1 | cut -d' ' -f4 || true)"
    sleep 0.5
  done
  document="$work/served.json"
}

[[ -n "$document" ]] || serve_document

# The servers entry names the address this one server answered on: the client takes its base URL from its caller.
python3 - "$document" "$work/openapi.json" <<'PY' || die "$document is not JSON"
import json, sys
document = json.load(open(sys.argv[1], encoding="utf-8"))
document.pop("servers", None)
json.dump(document, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY

dotnet tool restore >/dev/null
log "generating the client into ${OUTPUT#"$ROOT"/}"
dotnet kiota generate -l CSharp -c ReservationsClient -n Reservations.IntegrationTests.Kiota.Client \
  -d "$work/openapi.json" -o "$OUTPUT" --clean-output --exclude-backward-compatible --log-level Error \
  >"$work/kiota.log" 2>&1 || { cat "$work/kiota.log" >&2; die "kiota generate failed"; }
# Kiota's log and lock file name the temporary document and the run: noise in the committed client.
rm -f "$OUTPUT/.kiota.log" "$OUTPUT/kiota-lock.json"
log "done"
