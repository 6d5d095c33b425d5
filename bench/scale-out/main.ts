/**
 * `npm run -s build && tsc -p bench/tsconfig.bench.json && node node_modules/.cache/bench/bench/scale-out/main.js`:
 * the scale-out bench alone (bench/run.ts can list `scaleOutBench` as its `scale-out` section).
 */
import { renderSection } from '../lib/report.js';
import { stopStragglers } from '../lib/timed-process.js';
import { scaleOutBench } from './scale-out-bench.js';

const section = await scaleOutBench().finally(stopStragglers);
process.stdout.write(`${renderSection(section)}\n`);
