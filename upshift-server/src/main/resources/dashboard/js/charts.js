// Charts drawn with Chart.js 4 (the global `Chart` of the UMD build the page loads first). Every
// chart sits beside a <details> table holding its numbers, so nothing is only in pixels; a click
// on a bar or point opens the customers behind it, like the same number in the table.

import { esc } from './format.js';

const COLORS = {
  navy: '#1f3b5a', teal: '#2b7a8c', up: '#2e7d57', down: '#b4443b', amber: '#a86b12',
  grey: '#8a96a3', grid: '#e6eaef',
};
export const SERIES = ['#2b7a8c', '#5b8fc7', '#2e7d57', '#7fb069', '#a3c4a8', '#c49a3a', '#b4443b', '#7a2e2a'];

const live = new Set();

/** Destroys every chart drawn so far (before a view is drawn again). */
export function clearCharts() {
  for (const chart of live) {
    chart.destroy();
  }
  live.clear();
}

/** A card holding a chart and its table; returns its canvas and table holder. */
export function card(parent, { title, testid, note }) {
  const section = document.createElement('section');
  section.className = 'block chart-card';
  section.dataset.testid = testid;
  section.innerHTML = '<h2>' + esc(title) + '</h2>' + (note ? '<p class="lede">' + esc(note) + '</p>' : '')
    + '<div class="canvas-box"><canvas role="img" aria-label="' + esc(title) + '"></canvas></div>'
    + '<details class="numbers"><summary>Numbers</summary><div class="table-scroll"></div></details>';
  parent.appendChild(section);
  return { section, canvas: section.querySelector('canvas'), table: section.querySelector('.table-scroll') };
}

function draw(canvas, config) {
  if (!globalThis.Chart) {
    return null; // the tables still carry every number
  }
  const chart = new globalThis.Chart(canvas, config);
  live.add(chart);
  return chart;
}

function baseOptions(format, onPick) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12 } },
      tooltip: { callbacks: { label: (c) => (c.dataset.label ? c.dataset.label + ': ' : '') + format(c.raw && c.raw.value !== undefined ? c.raw.value : c.parsed.y) } },
    },
    scales: { y: { grid: { color: COLORS.grid }, ticks: { callback: (v) => format(v, true) } }, x: { grid: { display: false } } },
    onClick: (event, elements) => {
      if (onPick && elements.length) {
        onPick(elements[0].datasetIndex, elements[0].index);
      }
    },
    onHover: (event, elements) => {
      event.native.target.style.cursor = elements.length && onPick ? 'pointer' : 'default';
    },
  };
}

/**
 * A waterfall: floating bars from the start through each step to the end.
 * @param steps [{label, value}] between start and end
 * @param onPick called with the bar's index (0 start, steps 1…n, n+1 end)
 */
export function waterfall(canvas, { startLabel, start, steps, endLabel, end, format, onPick }) {
  const labels = [startLabel, ...steps.map((s) => s.label), endLabel];
  const bars = [{ value: start, y: [0, start] }];
  let level = start;
  for (const step of steps) {
    bars.push({ value: step.value, y: [level, level + step.value] });
    level += step.value;
  }
  bars.push({ value: end, y: [0, end] });
  const colors = bars.map((bar, i) => (i === 0 || i === bars.length - 1 ? COLORS.navy
    : bar.value >= 0 ? COLORS.up : COLORS.down));
  // The levels the steps move between (the start and end bars rise from 0 and would dwarf them).
  const levels = bars.slice(1, -1).flatMap((b) => b.y).concat([start, end]);
  const low = Math.min(...levels);
  const high = Math.max(...levels);
  const options = baseOptions(format, (d, i) => onPick && onPick(i));
  options.plugins.legend = { display: false };
  options.plugins.tooltip.callbacks.label = (c) => format(bars[c.dataIndex].value);
  // Start the axis a little below the lowest level, so the movements are visible. The start and
  // end bars are then cut: the cut is drawn across them and named above the chart, so no one
  // reads a 1% month as a doubling (the static HTML report, for print, starts at zero instead).
  if (low > 0 && high > low) {
    const floor = Math.max(0, low - (high - low) * 0.6);
    const step = Math.pow(10, Math.floor(Math.log10(high - floor)));
    options.scales.y.min = Math.floor(floor / step) * step; // a round number for the first tick
  }
  const cut = options.scales.y.min > 0;
  if (cut) {
    options.plugins.subtitle = {
      display: true, align: 'start', color: COLORS.grey, padding: { top: 0, bottom: 12 },
      text: 'Axis starts at ' + format(options.scales.y.min, true) + ' (≈ marks the cut bars)',
    };
  }
  return draw(canvas, {
    type: 'bar',
    data: { labels, datasets: [{ data: bars.map((b) => b.y), backgroundColor: colors, borderRadius: 2 }] },
    options,
    plugins: cut ? [axisBreak] : [],
  });
}

/** Draws a break mark (two white slants) across the foot of a waterfall's cut total bars. */
const axisBreak = {
  id: 'upshiftAxisBreak',
  afterDatasetsDraw(chart) {
    const bars = chart.getDatasetMeta(0).data;
    const y = chart.scales.y.bottom - 10;
    const ctx = chart.ctx;
    ctx.save();
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 3;
    for (const bar of [bars[0], bars[bars.length - 1]]) {
      const half = bar.width / 2 + 2;
      for (const dy of [0, 6]) {
        ctx.beginPath();
        ctx.moveTo(bar.x - half, y + dy + 3);
        ctx.lineTo(bar.x + half, y + dy - 3);
        ctx.stroke();
      }
    }
    ctx.restore();
  },
};

/** Stacked bars per period (movements over time), with an optional line on the same axis. */
export function stacked(canvas, { labels, series, format, onPick }) {
  const options = baseOptions(format, onPick);
  options.scales.x.stacked = true;
  options.scales.y.stacked = true;
  return draw(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: s.color || SERIES[i % SERIES.length] })),
    },
    options,
  });
}

/** Bars and lines over periods, with a second axis for percentages when asked. */
export function trend(canvas, { labels, series, format, formatRight, onPick }) {
  const options = baseOptions(format, onPick);
  if (series.some((s) => s.axis === 'right')) {
    options.scales.right = { position: 'right', grid: { display: false }, ticks: { callback: (v) => formatRight(v, true) } };
  }
  options.plugins.tooltip.callbacks.label = (c) => c.dataset.label + ': '
    + (series[c.datasetIndex].axis === 'right' ? formatRight : format)(c.parsed.y);
  return draw(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: series.map((s, i) => ({
        type: s.type || 'bar', label: s.label, data: s.values,
        yAxisID: s.axis === 'right' ? 'right' : 'y',
        backgroundColor: s.color || SERIES[i % SERIES.length],
        borderColor: s.color || SERIES[i % SERIES.length],
        borderDash: s.dashed ? [6, 4] : undefined,
        pointRadius: s.type === 'line' ? 3 : undefined,
        spanGaps: false,
        order: s.type === 'line' ? 0 : 1,
      })),
    },
    options,
  });
}

export { COLORS };
