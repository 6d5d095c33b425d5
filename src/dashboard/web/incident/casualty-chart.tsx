import {
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartDataset,
  type TooltipItem,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { CasualtySeries, SeriesPoint } from '../lib/casualty-series.js';
import { formatClock, formatRange, formatTime } from '../lib/format.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

// Colour-blind-safe palette (Okabe–Ito); measures also differ by dash pattern.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES: Record<string, number[]> = { killed: [], injured: [6, 4], missing: [2, 3] };

type Dataset = ChartDataset<'line', SeriesPoint[]>;

const MINUTE = 60_000;
const STEPS = [5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map((minutes) => minutes * MINUTE);

/** An x range on round clock times (at most about eight ticks), padded around the points. */
function timeAxis(series: readonly CasualtySeries[]): {
  min: number;
  max: number;
  stepSize: number;
} {
  const xs = series.flatMap((line) => line.points.map((point) => point.x));
  const low = Math.min(...xs);
  const high = Math.max(...xs);
  const span = Math.max(high - low, 30 * MINUTE);
  const stepSize = STEPS.find((step) => span / step <= 8) ?? 1440 * MINUTE;
  return {
    min: Math.floor((low - stepSize / 2) / stepSize) * stepSize,
    max: Math.ceil((high + stepSize / 2) / stepSize) * stepSize,
    stepSize,
  };
}

function datasets(series: readonly CasualtySeries[]): Dataset[] {
  const groups = new Set(series.map((line) => line.group));
  return series.map((line, index) => ({
    label: `${line.source}: ${line.measure}${groups.size > 1 ? ` (${line.group})` : ''}${line.retracted ? ', retracted' : ''}`,
    data: line.points,
    borderColor: COLOURS[index % COLOURS.length],
    backgroundColor: COLOURS[index % COLOURS.length],
    borderDash: DASHES[line.measure] ?? [],
    stepped: 'before',
    pointRadius: 4,
    pointStyle: line.retracted ? 'crossRot' : 'circle',
  }));
}

/** How each source's figures evolved over reported time (the minimum; the tooltip has the range). */
export function CasualtyChart({ series }: { series: readonly CasualtySeries[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', SeriesPoint[]> | null>(null);

  useEffect(() => {
    if (!canvas.current) return;
    chart.current = new Chart<'line', SeriesPoint[]>(canvas.current, {
      type: 'line',
      data: { datasets: [] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: 'Reported (UTC)' },
            ticks: { callback: (value) => formatClock(Number(value)) },
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: 'Count' },
            ticks: { precision: 0 },
          },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 14 } },
          tooltip: {
            callbacks: {
              title: (items: TooltipItem<'line'>[]) =>
                items[0] ? formatTime(new Date(items[0].parsed.x ?? 0).toISOString()) : '',
              label: (item: TooltipItem<'line'>) => {
                const point = item.raw as SeriesPoint;
                const wording = point.wording ? ` (“${point.wording}”)` : '';
                return `${item.dataset.label ?? ''}: ${formatRange(point.y, point.max)}${wording}`;
              },
            },
          },
        },
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!chart.current) return;
    const axis = timeAxis(series);
    const x = chart.current.options.scales?.x;
    if (x) {
      x.min = axis.min;
      x.max = axis.max;
      if (x.ticks) (x.ticks as { stepSize?: number }).stepSize = axis.stepSize;
    }
    chart.current.data.datasets = datasets(series);
    chart.current.update();
  }, [series]);

  const description = series
    .map(
      (line) =>
        `${line.source}, ${line.measure}: ${line.points.map((p) => formatRange(p.y, p.max)).join(', then ')}`,
    )
    .join('. ');

  return (
    <figure class="chart" data-testid="casualty-chart">
      <div class="chart-box">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Casualty figures over reported time. ${description}`}
        />
      </div>
      <figcaption class="muted">
        Each source’s figure over reported time (lower bound; hover for the range).
      </figcaption>
    </figure>
  );
}
