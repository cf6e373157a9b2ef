/*
 * Draws the charts of an Upshift HTML report from the JSON in #upshift-data. Every chart has its
 * numbers in a table next to it; the charts only illustrate them. Each chart container gets
 * data-rendered="true" once drawn; errors are collected in window.__errors (set up in <head>) and
 * printed into #script-errors, and <html data-report-state="done"> marks the end, so a headless
 * browser can check that everything rendered.
 */
(function () {
  'use strict';
  var errors = window.__errors || (window.__errors = []);
  var data = JSON.parse(document.getElementById('upshift-data').textContent);

  var C = {
    navy: '#1f3b5a', teal: '#2b7a8c', tealSoft: 'rgba(43,122,140,0.22)', up: '#3f8f68',
    down: '#c0574d', amber: '#c08a2e', grey: '#9aa6b2', ink: '#3d4a57', grid: '#e8ecf0',
    sky: '#8fb3cc'
  };

  var symbol = data.symbol;
  // One negative style everywhere: parentheses, as the tables print them.
  function compact(v) {
    if (v === null || v === undefined) return '';
    var a = Math.abs(v), t;
    if (a >= 1e9) t = symbol + (a / 1e9).toFixed(2) + 'B';
    else if (a >= 1e6) t = symbol + (a / 1e6).toFixed(a >= 1e8 ? 0 : a >= 1e7 ? 1 : 2) + 'M';
    else if (a >= 1e3) t = symbol + (a / 1e3).toFixed(a >= 1e5 ? 0 : 1) + 'K';
    else t = symbol + a.toFixed(0);
    return v < 0 ? '(' + t + ')' : t;
  }
  function signedWhole(v) { return v < 0 ? '(' + whole.format(-v) + ')' : whole.format(v); }
  // MRR reports name their money MRR; the chart labels follow.
  var term = data.unit === 'mrr' ? 'MRR' : 'ARR';
  function termed(label) { return label.replace(/\bARR\b/g, term); }
  function signedCompact(v) { return (v > 0 ? '+' : '') + compact(v); }
  var whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  var two = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  function pct(v) { return v === null || v === undefined ? 'n/a' : two.format(v) + '%'; }

  if (window.Chart) {
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 12;
    Chart.defaults.color = '#5b6876';
    Chart.defaults.animation = false;
    Chart.defaults.responsive = true;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.plugins.legend.labels.boxWidth = 12;
    Chart.defaults.plugins.legend.labels.boxHeight = 12;
    Chart.defaults.borderColor = C.grid;
  }

  /** Writes each bar's value above (or below) it: for waterfalls. */
  var barLabels = {
    id: 'upshiftBarLabels',
    afterDatasetsDraw: function (chart, args, options) {
      if (!options || !options.format) return;
      var ctx = chart.ctx;
      ctx.save();
      ctx.font = '600 11px ' + Chart.defaults.font.family;
      ctx.fillStyle = C.ink;
      ctx.textAlign = 'center';
      chart.data.datasets.forEach(function (dataset, d) {
        var meta = chart.getDatasetMeta(d);
        if (meta.hidden) return;
        // A label never overlaps another: the totals (first and last bars) are placed first, then
        // each step from left to right where it has room. On a narrow screen some steps go
        // unlabelled; the table under the chart and the tooltips have every figure.
        var n = meta.data.length, placed = [], order = [];
        if (n > 0) order.push(0);
        if (n > 1) order.push(n - 1);
        for (var k = 1; k < n - 1; k++) order.push(k);
        order.forEach(function (i) {
          var bar = meta.data[i];
          var text = options.format(i);
          if (!text) return;
          var width = ctx.measureText(text).width;
          var top = Math.min(bar.y, bar.base);
          var y = top - 5;
          var inside = y < chart.chartArea.top + 10;
          if (inside) y = top + 13; // no room above: inside the bar's top, in white
          // Kept inside the canvas: a total at the edge moves inward rather than being cut.
          var x = Math.min(Math.max(bar.x, width / 2 + 2), chart.width - width / 2 - 2);
          var box = { left: x - width / 2 - 2, right: x + width / 2 + 2, top: y - 11, bottom: y + 2 };
          var clash = placed.some(function (p) {
            return box.left < p.right && p.left < box.right && box.top < p.bottom && p.top < box.bottom;
          });
          if (clash) return;
          placed.push(box);
          ctx.fillStyle = inside ? '#ffffff' : C.ink;
          ctx.fillText(text, x, y);
        });
        // For checks from outside (the browser tests): where the labels went.
        chart.canvas.parentNode.setAttribute('data-label-boxes', JSON.stringify(placed.map(function (p) {
          return [Math.round(p.left), Math.round(p.right), Math.round(p.top), Math.round(p.bottom)];
        })));
      });
      ctx.restore();
    }
  };

  var charts = {};
  function draw(id, build) {
    var box = document.querySelector('[data-chart="' + id + '"]');
    if (!box) return;
    try {
      var canvas = box.querySelector('canvas');
      charts[id] = new Chart(canvas, build());
      var y = charts[id].scales && charts[id].scales.y;
      if (y) box.setAttribute('data-y-min', String(y.min));
      box.setAttribute('data-rendered', 'true');
    } catch (e) {
      errors.push(id + ': ' + (e && e.message ? e.message : String(e)));
      box.setAttribute('data-rendered', 'false');
    }
  }

  /** Bars [low, high] of a waterfall: first and last are totals, the rest steps. */
  function waterfall(labels, start, steps, end) {
    var bars = [], colors = [], deltas = [], level = start;
    bars.push([0, start]); colors.push(C.navy); deltas.push(start);
    steps.forEach(function (v) {
      bars.push([level, level + v]);
      colors.push(v >= 0 ? C.up : C.down);
      deltas.push(v);
      level += v;
    });
    bars.push([0, end]); colors.push(C.navy); deltas.push(end);
    var levels = [start, end], lv = start;
    steps.forEach(function (v) { lv += v; levels.push(lv); });
    // The axis starts at zero: the steps float on the whole book, at their true size against it,
    // rather than on a truncated axis that makes a 1% month look like a doubling. Below zero (a
    // negative level) the axis reaches down as far as it must.
    var lo = Math.min.apply(null, levels);
    var min = lo < 0 ? undefined : 0;
    return { labels: labels, bars: bars, colors: colors, deltas: deltas, min: min };
  }

  function waterfallConfig(w, format, title) {
    return {
      type: 'bar',
      data: { labels: w.labels, datasets: [{ label: title, data: w.bars, backgroundColor: w.colors, borderRadius: 2, barPercentage: 0.78, categoryPercentage: 0.9 }] },
      options: {
        layout: { padding: { top: 18 } },
        plugins: {
          legend: { display: false },
          tooltip: { callbacks: { label: function (c) { return w.labels[c.dataIndex] + ': ' + format(w.deltas[c.dataIndex], c.dataIndex); } } },
          upshiftBarLabels: { format: function (i) { return i === 0 || i === w.deltas.length - 1 ? format(w.deltas[i], i, true) : (w.deltas[i] === 0 ? '' : format(w.deltas[i], i, true)); } }
        },
        scales: {
          x: { grid: { display: false }, ticks: { autoSkip: false, maxRotation: 90, minRotation: 0 } },
          y: { min: w.min, grace: '8%', grid: { color: C.grid }, ticks: { includeBounds: false, callback: function (v) { return format(v, -1, true, true); } } }
        }
      },
      plugins: [barLabels]
    };
  }

  // ---- ARR bridge ---------------------------------------------------------------------------
  var B = data.bridge, P = data.periods;
  var arrLabels = ['Starting ARR', 'New logo', 'Reactivation', 'Upsell', 'Add-on', 'Cross-sell', 'Downsell', 'Reduction', 'Product churn', 'Churn', 'Ending ARR'].map(termed);
  var arrKeys = ['newLogo', 'reactivation', 'upsell', 'addOn', 'crossSell', 'downsell', 'reduction', 'productChurn', 'churn'];
  function arrWaterfall(index) {
    if (index < 0) {
      var sums = arrKeys.map(function (k) { return B[k].reduce(function (a, b) { return a + b; }, 0); });
      return waterfall(arrLabels, B.starting[0], sums, B.ending[P.length - 1]);
    }
    return waterfall(arrLabels, B.starting[index], arrKeys.map(function (k) { return B[k][index]; }), B.ending[index]);
  }
  function money(v, i, short, axis) {
    if (short) return axis ? compact(v) : (i > 0 && i < 10 ? signedCompact(v) : compact(v));
    return v < 0 ? '(' + symbol + whole.format(-v) + ')' : symbol + whole.format(v);
  }
  draw('arr-waterfall', function () { return waterfallConfig(arrWaterfall(P.length - 1), money, 'ARR'); });
  wireSelect('arr-period', 'arr-waterfall', arrWaterfall);

  draw('arr-by-period', function () {
    function ds(label, values, color) { return { type: 'bar', label: label, data: values, backgroundColor: color, stack: 'arr', borderRadius: 1 }; }
    var expansion = P.map(function (_, i) { return B.upsell[i] + B.addOn[i] + B.crossSell[i]; });
    var contraction = P.map(function (_, i) { return B.downsell[i] + B.reduction[i] + B.productChurn[i]; });
    return {
      data: {
        labels: P,
        datasets: [
          { type: 'line', label: termed('Net new ARR'), data: B.netNew, borderColor: C.ink, backgroundColor: C.ink, pointRadius: 3, borderWidth: 2, tension: 0, order: 0 },
          ds('New logo', B.newLogo, C.navy), ds('Reactivation', B.reactivation, C.sky),
          ds('Expansion', expansion, C.up), ds('Contraction', contraction, C.amber), ds('Churn', B.churn, C.down)
        ]
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + money(c.raw); } } }, legend: { position: 'bottom' } },
        scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, ticks: { callback: function (v) { return compact(v); } } } }
      }
    };
  });

  // ---- Total Users --------------------------------------------------------------------------
  var S = data.seats;
  var seatLabels = ['Starting seats', 'New', 'Expansion', 'Churned', 'Downgraded', 'Ending seats'];
  function seatWaterfall(index) {
    if (index < 0) {
      var sum = function (k) { return S[k].reduce(function (a, b) { return a + b; }, 0); };
      return waterfall(seatLabels, S.starting[0], [sum('newSeats'), sum('expansion'), sum('churned'), sum('downgraded')], S.ending[P.length - 1]);
    }
    return waterfall(seatLabels, S.starting[index], [S.newSeats[index], S.expansion[index], S.churned[index], S.downgraded[index]], S.ending[index]);
  }
  function seats(v, i, short) {
    var text = signedWhole(v);
    return short && i > 0 && i < 5 && v > 0 ? '+' + text : text;
  }
  draw('seat-waterfall', function () { return waterfallConfig(seatWaterfall(P.length - 1), seats, 'Seats'); });
  wireSelect('seat-period', 'seat-waterfall', seatWaterfall);

  function wireSelect(selectId, chartId, build) {
    var select = document.getElementById(selectId);
    if (!select) return;
    select.addEventListener('change', function () {
      var chart = charts[chartId];
      if (!chart) return;
      var w = build(parseInt(select.value, 10));
      chart.data.datasets[0].data = w.bars;
      chart.data.datasets[0].backgroundColor = w.colors;
      chart.options.scales.y.min = w.min;
      chart.options.plugins.tooltip.callbacks.label = function (c) { return w.labels[c.dataIndex] + ': ' + (chartId === 'arr-waterfall' ? money : seats)(w.deltas[c.dataIndex], c.dataIndex); };
      chart.options.plugins.upshiftBarLabels.format = function (i) { var f = chartId === 'arr-waterfall' ? money : seats; return (i === 0 || i === w.deltas.length - 1 || w.deltas[i] !== 0) ? f(w.deltas[i], i, true) : ''; };
      chart.update();
    });
  }

  draw('seats-logos', function () {
    var L = data.logos;
    function indexed(values) { var base = values[0]; return values.map(function (v) { return base ? Math.round(v / base * 1000) / 10 : null; }); }
    return {
      type: 'line',
      data: {
        labels: P,
        datasets: [
          { label: 'Total Users (seats)', data: indexed(S.ending), borderColor: C.teal, backgroundColor: C.teal, pointRadius: 2, borderWidth: 2 },
          { label: 'Logos', data: indexed(L.ending), borderColor: C.navy, backgroundColor: C.navy, pointRadius: 2, borderWidth: 2, borderDash: [5, 4] }
        ]
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: function (c) {
          var raw = (c.datasetIndex === 0 ? S.ending : L.ending)[c.dataIndex];
          return c.dataset.label + ': ' + whole.format(raw) + ' (index ' + c.raw + ')';
        } } } },
        scales: { x: { grid: { display: false } }, y: { title: { display: true, text: 'index, ' + P[0] + ' end = 100' } } }
      }
    };
  });

  // ---- Upsell Users and Upsell Rate -----------------------------------------------------------
  var U = data.upsell;
  draw('upsell-users', function () {
    return {
      data: {
        labels: P,
        datasets: [
          { type: 'line', label: 'Share of logos (%)', data: U.share, yAxisID: 'share', borderColor: C.amber, backgroundColor: C.amber, pointRadius: 3, borderWidth: 2, order: 0 },
          { type: 'bar', label: 'Upsell Users', data: U.users, backgroundColor: C.teal, borderRadius: 2, yAxisID: 'users', order: 1 }
        ]
      },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: { legend: { position: 'bottom' } },
        scales: {
          x: { grid: { display: false } },
          users: { type: 'linear', position: 'left', beginAtZero: true, grace: '8%', title: { display: true, text: 'customers' }, ticks: { precision: 0 } },
          share: { type: 'linear', position: 'right', beginAtZero: true, grace: '8%', grid: { drawOnChartArea: false }, title: { display: true, text: '% of starting logos' } }
        }
      }
    };
  });

  draw('upsell-rate', function () {
    var statusColor = { 'Achieved': C.up, 'On Track': C.teal, 'Below': C.down };
    var compared = U.quarterToDate ? U.qtdRate : U.rate;
    var pointColors = compared.map(function (_, i) { return statusColor[U.status[i]] || C.grey; });
    var sets = [];
    sets.push({ type: 'line', label: 'Target', data: U.target, showLine: false, borderColor: C.ink, backgroundColor: C.ink, pointStyle: 'line', pointRadius: 11, pointHoverRadius: 11, pointBorderWidth: 2.5 });
    if (U.quarterToDate) {
      sets.push({ type: 'line', label: 'Quarter-to-date rate (vs target)', data: U.qtdRate, borderColor: C.navy, backgroundColor: pointColors, pointBackgroundColor: pointColors, pointBorderColor: pointColors, pointRadius: 5, borderWidth: 2 });
      sets.push({ type: 'bar', label: 'Monthly rate', data: U.rate, backgroundColor: C.tealSoft, borderColor: C.teal, borderWidth: 1, borderRadius: 2 });
    } else {
      sets.push({ type: 'line', label: U.rateLabel + ' (vs target)', data: U.rate, borderColor: C.navy, pointBackgroundColor: pointColors, pointBorderColor: pointColors, pointRadius: 5, borderWidth: 2 });
    }
    return {
      data: { labels: P, datasets: sets },
      options: {
        interaction: { mode: 'index', intersect: false },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pct(c.raw); }, afterBody: function (items) { var s = U.status[items[0].dataIndex]; return s ? 'Status: ' + s : ''; } } }
        },
        scales: { x: { grid: { display: false } }, y: { beginAtZero: true, grace: '8%', ticks: { callback: function (v) { return v + '%'; } } } }
      }
    };
  });

  // ---- Segments -----------------------------------------------------------------------------
  if (data.segments && data.segments.labels.length) {
    draw('segment-rates', function () {
      return {
        type: 'bar',
        data: {
          labels: data.segments.labels,
          datasets: [
            { label: data.segments.latestLabel, data: data.segments.latest, backgroundColor: C.teal, borderRadius: 2 },
            { label: data.segments.rangeLabel, data: data.segments.range, backgroundColor: C.sky, borderRadius: 2 }
          ]
        },
        options: {
          indexAxis: 'y',
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pct(c.raw); } } } },
          scales: { x: { beginAtZero: true, ticks: { callback: function (v) { return v + '%'; } } }, y: { grid: { display: false } } }
        }
      };
    });
  }

  // ---- Forecast -----------------------------------------------------------------------------
  var F = data.forecast;
  if (F) {
    draw('forecast', function () {
      return {
        data: {
          labels: F.periods,
          datasets: [
            { type: 'line', label: 'Forecast', data: F.expected, borderColor: C.teal, backgroundColor: C.teal, borderDash: [5, 4], pointRadius: 4, pointStyle: 'rectRot', borderWidth: 2, spanGaps: false, order: 0 },
            { type: 'bar', label: 'Actual upsold', data: F.actual, backgroundColor: '#b9c8d6', borderRadius: 2, order: 2, barPercentage: 0.7, grouped: false },
            { type: 'bar', label: '80% interval', data: F.interval, backgroundColor: 'rgba(43,122,140,0.30)', borderColor: C.teal, borderWidth: 1.5, borderSkipped: false, borderRadius: 1, order: 1, barPercentage: 0.22, grouped: false }
          ]
        },
        options: {
          interaction: { mode: 'index', intersect: false },
          plugins: {
            legend: { position: 'bottom' },
            tooltip: { callbacks: { label: function (c) {
              if (c.raw === null || c.raw === undefined) return null;
              if (Array.isArray(c.raw)) return '80% interval: ' + two.format(c.raw[0]) + ' – ' + two.format(c.raw[1]);
              return c.dataset.label + ': ' + two.format(c.raw);
            } } }
          },
          scales: { x: { grid: { display: false } }, y: { beginAtZero: true, title: { display: true, text: 'upsold customers' } } }
        }
      };
    });
  }

  // ---- Health -------------------------------------------------------------------------------
  var H = data.health;
  if (H) {
    draw('health', function () {
      return {
        data: {
          labels: H.buckets,
          datasets: [
            { type: 'line', label: 'All scored customers', data: H.buckets.map(function () { return H.overall; }), borderColor: C.ink, borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, order: 0 },
            { type: 'bar', label: 'Upsell rate', data: H.rates, backgroundColor: [C.up, C.amber, C.down], borderRadius: 2, order: 1, barPercentage: 0.55 }
          ]
        },
        options: {
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pct(c.raw); } } } },
          scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { callback: function (v) { return v + '%'; } } } }
        }
      };
    });
  }

  // ---- Initiatives --------------------------------------------------------------------------
  var I = data.initiatives;
  if (I && I.names.length) {
    draw('initiatives', function () {
      return {
        type: 'bar',
        data: {
          labels: I.names,
          datasets: [
            { label: 'Baseline rate', data: I.baseline, backgroundColor: C.grey, borderRadius: 2 },
            { label: 'Current rate', data: I.current, backgroundColor: C.teal, borderRadius: 2 }
          ]
        },
        options: {
          indexAxis: 'y',
          plugins: { legend: { position: 'bottom' }, tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + pct(c.raw); } } } },
          scales: { x: { beginAtZero: true, ticks: { callback: function (v) { return v + '%'; } } }, y: { grid: { display: false } } }
        }
      };
    });
  }

  document.getElementById('script-errors').textContent = errors.join('\n');
  // ---- Period order ---------------------------------------------------------------------------
  // Tables open at the newest period; the button turns every period table round (columns of the
  // bridge tables, rows of the period-row tables) and back.
  (function () {
    var button = document.getElementById('period-order');
    if (!button) return;
    function reverseCells(row, count) {
      var cells = Array.prototype.slice.call(row.children, 1, 1 + count);
      var after = row.children[1 + count] || null;
      cells.reverse().forEach(function (cell) { row.insertBefore(cell, after); });
    }
    button.addEventListener('click', function () {
      document.querySelectorAll('table[data-order="columns"]').forEach(function (table) {
        var count = parseInt(table.getAttribute('data-periods'), 10);
        table.querySelectorAll('tr').forEach(function (row) { reverseCells(row, count); });
      });
      document.querySelectorAll('table[data-order="rows"] tbody').forEach(function (body) {
        Array.prototype.slice.call(body.children).reverse().forEach(function (row) { body.appendChild(row); });
      });
      var oldest = button.getAttribute('aria-pressed') !== 'true';
      button.setAttribute('aria-pressed', oldest ? 'true' : 'false');
      button.textContent = oldest ? 'Oldest first \u21c4' : 'Newest first \u21c4';
      button.title = oldest ? 'Tables show the oldest period first' : 'Tables show the newest period first';
    });
  })();

  document.documentElement.setAttribute('data-report-state', 'done');
})();
