import type { Chart, Plugin } from 'chart.js';
import type { SeriesPoint } from '../lib/casualty-series.js';

type RangeChart = Chart<'line', SeriesPoint[]>;

/**
 * Draws each point's range as a vertical bar from its lower to its upper figure; an open range
 * ("at least 3") runs to the top of the plot with an arrowhead.
 */
export const rangeBars: Plugin<'line'> = {
  id: 'rangeBars',
  afterDatasetsDraw(chart) {
    const { ctx, chartArea } = chart;
    const y = chart.scales.y;
    if (!y) return;
    ctx.save();
    ctx.beginPath();
    ctx.rect(chartArea.left, chartArea.top, chartArea.width, chartArea.height);
    ctx.clip();
    chart.data.datasets.forEach((dataset, index) => {
      if (!chart.isDatasetVisible(index)) return;
      const points = dataset.data as unknown as SeriesPoint[];
      chart.getDatasetMeta(index).data.forEach((element, at) => {
        const point = points[at];
        if (!point || point.max === point.y) return;
        const top = point.max === null ? chartArea.top : y.getPixelForValue(point.max);
        ctx.strokeStyle = dataset.borderColor as string;
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.moveTo(element.x, element.y);
        ctx.lineTo(element.x, top);
        ctx.moveTo(element.x - 5, top + (point.max === null ? 6 : 0));
        ctx.lineTo(element.x, top);
        ctx.lineTo(element.x + 5, top + (point.max === null ? 6 : 0));
        ctx.stroke();
      });
    });
    ctx.restore();
  },
};

/**
 * Writes what the chart drew onto the canvas' data attributes (tick labels, the count axis' top,
 * the legend, each visible point's pixel position, the last tooltip's box and lines), so the
 * browser tests can hover a point and check what a reader sees.
 */
export const drawnState: Plugin<'line'> = {
  id: 'drawnState',
  afterDraw(chart) {
    const data = chart.canvas.dataset;
    data.xTicks = JSON.stringify(chart.scales.x?.ticks.map((tick) => tick.label) ?? []);
    data.yMax = String(chart.scales.y?.max ?? '');
    data.legend = JSON.stringify(chart.legend?.legendItems?.map((item) => item.text) ?? []);
    data.points = JSON.stringify(
      chart.data.datasets.flatMap((dataset, index) =>
        chart.isDatasetVisible(index)
          ? chart.getDatasetMeta(index).data.map((element) => ({
              dataset: dataset.label ?? '',
              x: Math.round(element.x),
              y: Math.round(element.y),
            }))
          : [],
      ),
    );
    const tooltip = chart.tooltip;
    data.tooltip =
      tooltip && tooltip.opacity > 0
        ? JSON.stringify({
            x: tooltip.x,
            y: tooltip.y,
            width: tooltip.width,
            height: tooltip.height,
            canvasWidth: chart.width,
            canvasHeight: chart.height,
            title: tooltip.title,
            lines: tooltip.body.flatMap((item) => item.lines),
          })
        : '';
  },
};

export type { RangeChart };
