/** Types of build-dashboard.mjs, for the TypeScript tests that build the page first. */
export declare function buildDashboard(options?: {
  outdir?: string;
  minify?: boolean;
}): Promise<{ outdir: string; script: string; style: string }>;
