// Draws the lockbench report from the JSON in #report-data with ECharts (SVG renderer, no animation,
// so a headless browser sees finished charts). Each chart container gets data-rendered="true" once
// ECharts has drawn into it; #render-status counts them.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var content = document.getElementById('content');
  var charts = [];
  var PALETTE = ['#5470c6', '#91cc75', '#fac858', '#ee6666', '#73c0de', '#3ba272', '#fc8452', '#9a60b4', '#ea7ccc', '#8d98b3', '#c23531'];

  function esc(s) {
    return String(s === null || s === undefined ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  // One color per benchmark in every chart: assigned on first sight, baselines grey.
  var colors = {};
  function colorOf(name) {
    if (/baseline/.test(name)) { return /INSERT/.test(name) ? '#6b7383' : '#a7afbd'; }
    if (!colors[name]) { colors[name] = PALETTE[Object.keys(colors).length % PALETTE.length]; }
    return colors[name];
  }
  function strong(s) { return esc(s).replace(/\*\*(.+?)\*\*/g, '<b>$1</b>'); }
  function add(parent, tag, html, className) {
    var e = document.createElement(tag);
    if (html !== undefined) { e.innerHTML = html; }
    if (className) { e.className = className; }
    parent.appendChild(e);
    return e;
  }
  function section(id, title, intro) {
    var s = add(content, 'section');
    s.id = id;
    add(s, 'h2', esc(title));
    if (intro) { add(s, 'p', intro, 'note'); }
    return s;
  }
  function fmt(v) {
    if (v === null || v === undefined) { return '-'; }
    var a = Math.abs(v);
    return a >= 100 ? Math.round(v).toLocaleString('en') : a >= 10 ? v.toFixed(1) : v.toFixed(2);
  }
  function chart(parent, id, option, height) {
    var box = add(parent, 'div', undefined, 'chart');
    box.id = id;
    if (height) { box.style.height = height + 'px'; }
    var c = echarts.init(box, null, { renderer: 'svg' });
    option.animation = false;
    option.color = option.color || PALETTE;
    c.setOption(option);
    box.setAttribute('data-rendered', box.querySelector('svg path, svg text') ? 'true' : 'false');
    charts.push(c);
    return c;
  }

  // Grouped bars with an error bar (± JMH's 99.9 % half-width) on each: ECharts has no error bars of
  // its own, so a custom series draws them where bar i of n sits in its category (barGap 10 %, barCategoryGap 20 %).
  function barsWithErrors(series, cells, yName, extra) {
    var n = series.length;
    var out = [];
    series.forEach(function (s, i) {
      out.push({ name: s.name, type: 'bar', barGap: '10%', barCategoryGap: '20%',
        itemStyle: { color: colorOf(s.name), decal: s.broken ? { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [3, 3], rotation: -0.8 } : undefined },
        data: s.values.map(function (v) { return v === null ? '-' : v; }) });
      out.push({ name: s.name, type: 'custom', z: 10, tooltip: { show: false },
        data: s.values.map(function (v, k) { var e = s.errors[k]; return v === null || e === null ? [k, '-', '-'] : [k, v - e, v + e]; }),
        renderItem: function (params, api) {
          var low = api.value(1), high = api.value(2);
          if (isNaN(low) || isNaN(high)) { return null; }
          var band = api.size([1, 0])[0];
          var w = 0.8 * band / (n + 0.1 * (n - 1));
          var center = api.coord([api.value(0), 0])[0] - band / 2 + 0.1 * band + i * 1.1 * w + w / 2;
          var top = api.coord([api.value(0), high])[1], bottom = api.coord([api.value(0), low])[1];
          var half = Math.max(2, w / 4);
          var style = { stroke: '#1d2330', lineWidth: 1.2 };
          return { type: 'group', children: [
            { type: 'line', shape: { x1: center, y1: top, x2: center, y2: bottom }, style: style },
            { type: 'line', shape: { x1: center - half, y1: top, x2: center + half, y2: top }, style: style },
            { type: 'line', shape: { x1: center - half, y1: bottom, x2: center + half, y2: bottom }, style: style }] };
        } });
    });
    var option = {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 70, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: cells },
      yAxis: { type: 'value', name: yName, nameLocation: 'middle', nameGap: 52 },
      series: out
    };
    return Object.assign(option, extra || {});
  }

  var subtitle = 'Generated ' + data.generatedAt + ' from ' + data.sources.length + ' result file' + (data.sources.length === 1 ? '' : 's');
  document.getElementById('subtitle').textContent = subtitle;

  if (data.missing.length) {
    var m = section('missing', 'Not in this report');
    var ul = add(m, 'ul');
    data.missing.forEach(function (t) { add(ul, 'li', esc(t)); });
  }

  if (data.advice.length) {
    var rec = section('recommendation', 'Recommendation',
      'From the measured numbers: per backend and contention level (1 key is one hot row, 1,024 keys spread the writes), ' +
      'at the most threads measured, the correct strategies ranked by the share of their raw write\'s throughput they keep ' +
      'in successful calls. A winner is named only when the error bars do not overlap.');
    data.advice.forEach(function (a) {
      add(rec, 'div', '<span class="badge">' + esc(a.decision.replace(/_/g, ' ').toLowerCase()) + '</span>' + strong(a.text), 'advice ' + a.decision);
    });
  }

  data.bench.forEach(function (b, bi) {
    var s = section('bench-' + b.backend, 'Benchmarks on ' + b.label,
      'Calls per second over all threads, at each contention level (keys × threads). Error bars: ± the 99.9 % confidence half-width ' +
      '(none with a single measured iteration). Grey: the raw baseline; hatched: a broken twin (fast, but wrong).');
    add(s, 'h3', 'Throughput vs contention');
    chart(s, 'throughput-' + b.backend, barsWithErrors(b.throughput, b.cells, 'calls/s'), 400);
    add(s, 'h3', 'Ratio to the raw baseline of the same run');
    var ratio = barsWithErrors(b.ratio, b.cells, '× raw write');
    ratio.series.push({ type: 'line', name: '0.9× target', data: [], markLine: { silent: true, symbol: 'none',
      lineStyle: { color: '#c62828', type: 'dashed' }, data: [{ yAxis: 0.9, name: '0.9×' }, { yAxis: 1, name: '1×' }] } });
    chart(s, 'ratio-' + b.backend, ratio, 380);
    b.latency.forEach(function (l) {
      add(s, 'h3', 'Latency percentiles, ' + l.keys.toLocaleString('en') + (l.keys === 1 ? ' key' : ' keys') + ', ' + l.threads + ' threads');
      chart(s, 'latency-' + b.backend + '-' + l.keys, {
        tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v) + ' µs'; } },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 70, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: l.percentiles },
        yAxis: { type: 'log', name: 'µs per call (log)', nameLocation: 'middle', nameGap: 52 },
        series: l.series.map(function (x) { return { name: x.name, type: 'line', symbolSize: 7, color: colorOf(x.name),
          lineStyle: x.broken ? { type: 'dashed' } : undefined, data: x.values.map(function (v) { return v === null ? '-' : v; }) }; })
      }, 320);
    });
    if (b.counters.series.length) {
      add(s, 'h3', 'Conflicts, retries, give-ups and failures per call (most threads measured)');
      chart(s, 'counters-' + b.backend, {
        tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: fmt },
        legend: { top: 0 },
        grid: { left: 70, right: 20, top: 40, bottom: 110 },
        xAxis: { type: 'category', data: b.counters.categories, axisLabel: { rotate: 35, interval: 0, fontSize: 10 } },
        yAxis: { type: 'value', name: 'per call', nameLocation: 'middle', nameGap: 52 },
        series: b.counters.series.map(function (x) { return { name: x.name, type: 'bar', data: x.values.map(function (v) { return v === null ? '-' : v; }) }; })
      }, 380);
    } else {
      add(s, 'p', 'No conflicts, retries, give-ups or failures were counted.', 'note');
    }
  });

  if (data.detection.tables.length) {
    var d = section('detection', 'Detection table',
      'Stress runs: each variant under each fault, checked. A correct variant must be valid, a broken twin invalid ' +
      '(a red frame marks a verdict that is not the expected one). Below each verdict: the failed or unknown operations by ' +
      'error class, as a share of all operations: how the backend stopped the anomaly (failed operations) or did not (lost data).');
    data.detection.tables.forEach(function (t) {
      add(d, 'h3', t.backend);
      var html = '<tr><th>variant</th>' + t.faults.map(function (f) { return '<th>' + esc(f) + '</th>'; }).join('') + '</tr>';
      t.lines.forEach(function (l) {
        html += '<tr><th>' + esc(l.variant) + (l.broken ? '<small>broken on purpose: ' + esc(l.expectedAnomaly) + '</small>' : '') + '</th>';
        l.cells.forEach(function (c) {
          if (!c) { html += '<td class="na">·</td>'; return; }
          var cls = c.verdict + (c.asExpected === false ? ' unexpected' : '');
          html += '<td class="' + esc(cls) + '" title="' + esc(c.scenario) + '"><b>' + esc(c.verdict) + '</b>' +
            (c.asExpected === true ? ' (as expected)' : c.asExpected === false ? (c.verdict === c.expected
              ? ' (but not the declared anomaly: ' + esc(l.expectedAnomaly) + ')' : ' (expected ' + esc(c.expected) + ')') : '') +
            (c.anomalies.length ? '<small>' + esc(c.anomalies.join(', ')) + '</small>' : '') +
            '<small>' + (c.failures.length ? esc(c.failures.join(', ')) : 'no failed operations') + '</small></td>';
        });
        html += '</tr>';
      });
      add(d, 'table', html);
    });
  }

  if (data.timeline) {
    var t = data.timeline;
    var ts = section('timeline', 'Timeline of one stress run: ' + t.run,
      esc(t.variant) + ' on ' + esc(t.backend) + ', verdict ' + esc(t.verdict) + '. Completed operations per second by outcome, in ' +
      t.bucketSeconds + ' s buckets; shaded: while a fault was active.');
    var areas = t.faults.map(function (f) { return [{ name: f.fault, xAxis: f.startS }, { xAxis: f.endS === null ? t.endS : f.endS }]; });
    function line(name, values, color) {
      return { name: name, type: 'line', showSymbol: false, stack: 'ops', areaStyle: { opacity: 0.35 }, lineStyle: { width: 1 },
        color: color, data: values.map(function (v, i) { return [t.startS[i], v]; }) };
    }
    var series = [line('ok', t.ok, '#2e9d58'), line('fail', t.fail, '#d9a21b'), line('info (unknown)', t.info, '#c62828')];
    series[0].markArea = { silent: true, itemStyle: { color: 'rgba(120, 130, 150, 0.18)' }, label: { position: 'insideTop' }, data: areas };
    chart(ts, 'timeline-chart', {
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return fmt(v) + ' ops/s'; } },
      legend: { top: 0 },
      grid: { left: 70, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'value', name: 's since the run began', nameLocation: 'middle', nameGap: 26, max: t.endS },
      yAxis: { type: 'value', name: 'ops/s', nameLocation: 'middle', nameGap: 52 },
      series: series
    }, 340);
  }

  if (data.environment.length) {
    var e = section('environment', 'Environment', 'As the results recorded it.');
    data.environment.forEach(function (g) {
      add(e, 'h3', esc(g.title));
      add(e, 'dl', g.facts.map(function (f) { return '<dt>' + esc(f.name) + '</dt><dd>' + esc(f.value) + '</dd>'; }).join(''), 'env');
    });
  }

  var drawn = document.querySelectorAll('.chart[data-rendered="true"]').length;
  var status = document.getElementById('render-status');
  status.setAttribute('data-charts', String(charts.length));
  status.setAttribute('data-rendered', String(drawn));
  status.textContent = drawn + ' of ' + charts.length + ' charts drawn with ECharts ' + echarts.version + '.';
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-report-ready', 'true');
})();
