#!/usr/bin/env bash
# Builds the service, dumps its /docs/json and lints it with Redocly CLI's recommended rules
# (redocly.yaml); any error fails.
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run -s build
out="$(mktemp -d)/openapi.json"
node scripts/ci/dump-openapi.mjs "$out"
npx redocly lint --config redocly.yaml "$out"
