/** Types of cluster.mjs, for the TypeScript tests and benchmarks that start their own cluster. */
export interface Cluster {
  url: string;
  port: number;
  dir: string;
  start(): void;
  stopServer(): void;
  stop(): void;
}
export declare function findBinaries(options?: { install?: boolean }): {
  bin?: string;
  reason?: string;
};
export declare function startCluster(options?: {
  bin?: string;
  durable?: boolean;
}): Promise<Cluster>;
