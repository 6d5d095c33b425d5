import { buildDashboard } from '../../../scripts/build-dashboard.mjs';

let built: Promise<unknown> | undefined;

/** Builds the page once per test process: the app serves whatever dist/dashboard holds. */
export function ensureDashboardBuilt(): Promise<unknown> {
  built ??= buildDashboard();
  return built;
}
