import autocannon, { type Options, type Result } from 'autocannon';
import { type Summary, summarize } from '../lib/stats.js';

/** One autocannon phase, with latencies kept at full resolution (its histogram keeps whole ms). */
export interface Load {
  result: Result;
  /** 2xx responses per second over the phase. */
  rate: number;
  latency: Summary;
  /** Responses in each second of the phase. */
  perSecond: number[];
  failed: number;
}

export async function cannon(options: Options): Promise<Load> {
  const instance = autocannon(options);
  const latencies: number[] = [];
  const perSecond: number[] = [];
  instance.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) latencies.push(ms);
  });
  instance.on('tick', ({ counter }) => {
    // the tick after the end counts nothing
    if (perSecond.length < (options.duration ?? 10)) perSecond.push(counter);
  });
  const result = await instance;
  return {
    result,
    rate: latencies.length / result.duration,
    latency: summarize(latencies),
    perSecond,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
