#!/usr/bin/env bash
# Builds the service, dumps its /docs/json and lints it with Redocly CLI's recommended rules
# (redocly.yaml); any error fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run -s build
out="$(mktemp -d)/openapi.json"
node scripts/ci/dump-openapi.mjs "$out"
# no telemetry or update check: CI has no network beyond the package registries
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint --config redocly.yaml "$out"
