import {
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
  type ChartDataset,
  type LegendItem,
  type TooltipItem,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import type { CasualtySeries, SeriesPoint } from '../lib/casualty-series.js';
import { countAxisMax, sourcesOf, tickLabel, timeAxis, wrapText } from '../lib/chart-scales.js';
import { formatRange, formatTime } from '../lib/format.js';
import { drawnState, rangeBars, type RangeChart } from './chart-plugins.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip);

// Colour-blind-safe palette (Okabe–Ito), one colour per source; measures differ by dash pattern.
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000'];
const DASHES: Record<string, number[]> = { killed: [], injured: [6, 4], missing: [2, 3] };
const DASH_NAMES: Record<string, string> = {
  killed: 'solid',
  injured: 'dashed',
  missing: 'dotted',
};

type Dataset = ChartDataset<'line', SeriesPoint[]>;

function datasets(series: readonly CasualtySeries[]): Dataset[] {
  const sources = sourcesOf(series);
  const groups = new Set(series.map((line) => line.group));
  return series.map((line) => {
    const colour = COLOURS[sources.indexOf(line.source) % COLOURS.length];
    return {
      label: `${line.source}: ${line.measure}${groups.size > 1 ? ` (${line.group})` : ''}${line.retracted ? ', retracted' : ''}`,
      data: line.points,
      borderColor: line.retracted ? `${colour}80` : colour,
      backgroundColor: colour,
      borderDash: DASHES[line.measure] ?? [],
      stepped: 'before',
      pointRadius: 4,
      pointHoverRadius: 6,
      pointStyle: line.retracted ? 'crossRot' : 'circle',
    };
  });
}

/** One legend entry per source; clicking it shows or hides all of that source's lines. */
function legendItems(chart: RangeChart, series: readonly CasualtySeries[]): LegendItem[] {
  return sourcesOf(series).map((source, index) => {
    const lines = series.flatMap((line, at) => (line.source === source ? [at] : []));
    const retracted = lines.every((at) => series[at]?.retracted);
    return {
      text: `${source}${retracted ? ' (retracted)' : ''}`,
      fillStyle: COLOURS[index % COLOURS.length],
      strokeStyle: COLOURS[index % COLOURS.length],
      lineWidth: 0,
      hidden: lines.every((at) => !chart.isDatasetVisible(at)),
      datasetIndex: lines[0],
    };
  });
}

/** Puts the series on the chart, with axes fitted to them; returns the time step used. */
function showSeries(chart: RangeChart, series: readonly CasualtySeries[]): number {
  const axis = timeAxis(series);
  const { x, y } = chart.options.scales ?? {};
  if (x) {
    x.min = axis.min;
    x.max = axis.max;
    if (x.ticks) (x.ticks as { stepSize?: number }).stepSize = axis.stepSize;
  }
  if (y) y.max = countAxisMax(series);
  chart.data.datasets = datasets(series);
  chart.update();
  return axis.stepSize;
}

/** How each source's figures evolved over reported time: the lower figure, a bar up to the upper. */
export function CasualtyChart({ series }: { series: readonly CasualtySeries[] }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<RangeChart | null>(null);
  const seriesRef = useRef<readonly CasualtySeries[]>(series);
  const stepRef = useRef(0);

  useEffect(() => {
    if (!canvasRef.current) return;
    const chart = new Chart<'line', SeriesPoint[]>(canvasRef.current, {
      type: 'line',
      data: { datasets: [] },
      plugins: [rangeBars, drawnState],
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', intersect: false, axis: 'xy' },
        scales: {
          x: {
            type: 'linear',
            title: { display: true, text: 'Reported (UTC)' },
            ticks: {
              autoSkip: true,
              maxRotation: 0,
              callback: (value, index, ticks) =>
                tickLabel(Number(value), ticks[index - 1]?.value, stepRef.current),
            },
          },
          y: {
            beginAtZero: true,
            title: { display: true, text: 'Count' },
            ticks: { precision: 0 },
          },
        },
        plugins: {
          legend: {
            position: 'bottom',
            labels: {
              boxWidth: 14,
              generateLabels: (target) => legendItems(target as RangeChart, seriesRef.current),
            },
            onClick: (_event, item, legend) => {
              const target = legend.chart;
              const source = seriesRef.current[item.datasetIndex ?? -1]?.source;
              const show = item.hidden === true;
              seriesRef.current.forEach((line, at) => {
                if (line.source === source) target.setDatasetVisibility(at, show);
              });
              target.update();
            },
          },
          tooltip: {
            // long wordings wrap so the box stays inside the canvas, even on a phone
            callbacks: {
              title: (items: TooltipItem<'line'>[]) =>
                items[0] ? formatTime(new Date(items[0].parsed.x ?? 0).toISOString()) : '',
              label: (item: TooltipItem<'line'>) => {
                const point = item.raw as SeriesPoint;
                const wording = point.wording ? ` (“${point.wording}”)` : '';
                const text = `${item.dataset.label ?? ''}: ${formatRange(point.y, point.max)}${wording}`;
                return wrapText(text, Math.max(24, Math.floor(item.chart.width / 8)));
              },
            },
          },
        },
      },
    });
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    seriesRef.current = series;
    stepRef.current = showSeries(chart, series);
  }, [series]);

  const description = series
    .map(
      (line) =>
        `${line.source}, ${line.measure}${line.retracted ? ' (retracted)' : ''}: ${line.points.map((p) => formatRange(p.y, p.max)).join(', then ')}`,
    )
    .join('. ');
  const measures = [...new Set(series.map((line) => line.measure))];

  return (
    <figure class="chart" data-testid="casualty-chart">
      <div class="chart-box">
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`Casualty figures over reported time. ${description}`}
        />
      </div>
      <figcaption class="muted">
        Each source’s figure over reported time: a point at the lower figure, a bar up to the upper
        one (an arrow: no upper bound).
        {measures.length > 1 &&
          ` ${measures.map((measure) => `${DASH_NAMES[measure] ?? measure}: ${measure}`).join(', ')}.`}{' '}
        Retracted figures are crossed and do not set the scale.
      </figcaption>
    </figure>
  );
}
