// The live page: draws the graph once from graph.json, then updates it from /events.
(function () {
  'use strict';
  var W = 200, H = 112, GX = 56, GY = 20, PAD = 12, BAR = W - 24;
  var SVG = 'http://www.w3.org/2000/svg';
  var graph = null, views = [], rows = [], edgeViews = [], lastState = null;

  function el(name, attrs, parent) {
    var e = document.createElementNS(SVG, name);
    for (var k in attrs) { e.setAttribute(k, attrs[k]); }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function fmt(n) { return Number(n).toLocaleString('en-US'); }
  function fmtRate(r) { return r >= 100 ? fmt(Math.round(r)) : r.toFixed(1); }
  function fmtTime(ms) {
    var s = ms / 1000;
    if (s < 60) { return s.toFixed(1) + ' s'; }
    var m = Math.floor(s / 60);
    return m + ' min ' + Math.floor(s % 60) + ' s';
  }
  function text(parent, cls, x, y, value) {
    var t = el('text', { 'class': cls, x: x, y: y }, parent);
    t.textContent = value || '';
    return t;
  }
  // DOM writes only where a value changed: a still graph costs the browser nothing.
  function setText(e, v) { if (e.__v !== v) { e.__v = v; e.textContent = v; } }
  function setAttr(e, k, v) {
    var key = '__' + k;
    if (e[key] !== v) { e[key] = v; e.setAttribute(k, v); }
  }
  // "SomeException: message" -> "message" (the table and the tooltip keep the class)
  function shortError(e) { var i = e.indexOf(': '); return i > 0 && i < 60 ? e.slice(i + 2) : e; }
  function clip(s, n) { return s.length > n ? s.slice(0, n - 1) + '\u2026' : s; }

  function draw(g) {
    graph = g;
    var svg = document.getElementById('graph');
    var layers = 0, rowsMax = 0;
    g.nodes.forEach(function (n) {
      layers = Math.max(layers, n.layer + 1);
      rowsMax = Math.max(rowsMax, n.row + 1);
    });
    var width = PAD * 2 + layers * W + (layers - 1) * GX;
    var height = PAD * 2 + rowsMax * H + (rowsMax - 1) * GY;
    svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
    svg.setAttribute('width', width);
    svg.setAttribute('height', height);
    if (g.edges.length > 80) { svg.classList.add('big'); } // no edge animation: cheap repaints
    svg.dataset.width = width;
    svg.dataset.height = height;
    var room = document.getElementById('canvas').clientWidth - 16;
    if (width > room && width < room * 1.6) { fitGraph(true); } // a little too wide: fit it
    var defs = el('defs', {}, svg);
    var marker = el('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5,
      markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M 0 0 L 10 5 L 0 10 z' }, marker);
    function pos(n) { return { x: PAD + n.layer * (W + GX), y: PAD + n.row * (H + GY) }; }
    var edges = el('g', { 'class': 'edges' }, svg);
    g.edges.forEach(function (e) {
      var a = pos(g.nodes[e[0]]), b = pos(g.nodes[e[1]]);
      var x1 = a.x + W, y1 = a.y + H / 2, x2 = b.x - 2, y2 = b.y + H / 2, dx = Math.max(30, (x2 - x1) / 2);
      var p = el('path', { 'class': 'edge', 'marker-end': 'url(#arrow)',
        d: 'M' + x1 + ' ' + y1 + ' C' + (x1 + dx) + ' ' + y1 + ' ' + (x2 - dx) + ' ' + y2 + ' ' + x2 + ' ' + y2 }, edges);
      edgeViews.push({ path: p, from: e[0] });
    });
    var nodes = el('g', { 'class': 'nodes' }, svg);
    var tbody = document.querySelector('#nodes tbody');
    g.nodes.forEach(function (n, i) {
      var p = pos(n);
      var v = {};
      v.g = el('g', { 'class': 'node idle', transform: 'translate(' + p.x + ',' + p.y + ')' }, nodes);
      v.g.dataset.node = n.name;
      v.title = el('title', {}, v.g);
      el('rect', { 'class': 'box', width: W, height: H, rx: 9 }, v.g);
      text(v.g, 'name', 12, 21, clip(n.name, 22));
      v.workers = text(v.g, 'workers', W - 12, 21, '0/' + n.maxTasks);
      v.workers.setAttribute('text-anchor', 'end');
      v.counts = el('text', { 'class': 'counts', x: 12, y: 42 }, v.g);
      v.inT = el('tspan', {}, v.counts);
      v.outT = el('tspan', { dx: 10 }, v.counts);
      v.errT = el('tspan', { 'class': 'e', dx: 10 }, v.counts);
      v.rate = text(v.g, 'rate', 12, 60, '0.0 items/s');
      if (n.source) {
        var tag = text(v.g, 'tag', W - 12, 60, 'SOURCE');
        tag.setAttribute('text-anchor', 'end');
      }
      el('rect', { 'class': 'track', x: 12, y: 70, width: BAR, height: 7, rx: 3.5 }, v.g);
      v.fill = el('rect', { 'class': 'fill', x: 12, y: 70, width: 0, height: 7, rx: 3.5 }, v.g);
      v.qlabel = text(v.g, 'qlabel', 12, 90, '');
      v.error = text(v.g, 'error', 12, 104, '');
      views.push(v);
      var tr = document.createElement('tr');
      tr.dataset.node = n.name;
      var cells = {};
      ['node', 'in', 'out', 'err', 'discarded', 'rate', 'queued', 'workers', 'lastError'].forEach(function (c) {
        var td = document.createElement('td');
        td.className = c + (c === 'node' || c === 'lastError' ? '' : ' num');
        tr.appendChild(td);
        cells[c] = td;
      });
      cells.node.textContent = n.name;
      tbody.appendChild(tr);
      rows.push({ tr: tr, cells: cells });
    });
  }

  var lastData = null;
  function update(data) {
    if (!graph || data === lastData) { return; }
    lastData = data;
    var s = JSON.parse(data);
    var totalIn = 0, totalErr = 0, totalRate = 0, totalActive = 0;
    var rate = [];
    s.nodes.forEach(function (st, i) {
      var n = graph.nodes[i], v = views[i], r = rows[i];
      if (!v) { return; }
      totalIn += st.in; totalErr += st.err; totalActive += st.active;
      if (!n.source) { totalRate += st.rate; }
      rate[i] = st.rate;
      var fill = n.queueSize > 0 ? Math.min(1, st.queued / n.queueSize) : 0;
      var cls = ['node'];
      if (st.active > 0) { cls.push('busy'); }
      if (n.queueSize > 0 && fill >= 0.8) { cls.push('backpressure'); }
      if (st.err > 0) { cls.push('failing'); }
      if (cls.length === 1) { cls.push('idle'); }
      setAttr(v.g, 'class', cls.join(' '));
      setAttr(r.tr, 'class', cls.slice(1).join(' '));
      setText(v.workers, '\u2699 ' + st.active + '/' + n.maxTasks);
      setText(v.inT, 'in ' + fmt(st.in));
      setText(v.outT, 'out ' + fmt(st.out));
      setText(v.errT, 'err ' + fmt(st.err));
      setText(v.rate, fmtRate(st.rate) + ' items/s');
      setAttr(v.fill, 'width', (BAR * fill).toFixed(1));
      setText(v.qlabel, n.queueSize > 0
        ? 'queue ' + fmt(st.queued) + ' / ' + fmt(n.queueSize) + (st.discarded > 0 ? '  \u00b7  discarded ' + fmt(st.discarded) : '')
        : 'custom queue: ' + fmt(st.queued) + ' queued');
      setText(v.error, st.lastError ? '\u26a0 ' + clip(shortError(st.lastError), 30) : '');
      setText(v.title, n.name + '\nin ' + st.in + ', out ' + st.out + ', err ' + st.err
        + ', discarded ' + st.discarded + ', calls ' + st.calls + ', retries ' + st.retries
        + (st.lastError ? '\nlast error: ' + st.lastError : ''));
      var c = r.cells;
      setText(c['in'], fmt(st.in));
      setText(c.out, fmt(st.out));
      setText(c.err, fmt(st.err));
      setText(c.discarded, fmt(st.discarded));
      setText(c.rate, fmtRate(st.rate));
      setText(c.queued, n.queueSize > 0 ? fmt(st.queued) + ' / ' + fmt(n.queueSize) : fmt(st.queued));
      setText(c.workers, st.active + ' / ' + n.maxTasks);
      setText(c.lastError, st.lastError || '');
    });
    edgeViews.forEach(function (e) {
      setAttr(e.path, 'class', rate[e.from] > 0 && s.state === 'running' ? 'edge live' : 'edge');
    });
    document.getElementById('total-in').textContent = fmt(totalIn);
    document.getElementById('total-err').textContent = fmt(totalErr);
    document.getElementById('total-err').parentNode.classList.toggle('some', totalErr > 0);
    document.getElementById('total-rate').textContent = fmtRate(totalRate);
    document.getElementById('total-active').textContent = fmt(totalActive);
    document.getElementById('elapsed').textContent = fmtTime(s.elapsedMs);
    setState(s.state, s, totalIn, totalErr);
  }

  function setState(state, s, totalIn, totalErr) {
    var pill = document.getElementById('state');
    pill.className = 'pill ' + state;
    pill.textContent = state;
    var banner = document.getElementById('banner');
    if (state === lastState && state !== 'finished' && state !== 'halted') { return; }
    lastState = state;
    banner.className = state;
    if (state === 'halted') {
      banner.hidden = false;
      banner.textContent = 'The graph halted' + (s && s.haltedBy ? ': node \u201c' + s.haltedBy + '\u201d failed' : '')
        + '. Items still queued were discarded; see the red nodes for the errors.';
    } else if (state === 'finished') {
      banner.hidden = false;
      banner.textContent = 'Finished in ' + fmtTime(s.elapsedMs) + ': ' + fmt(totalIn) + ' items delivered, '
        + fmt(totalErr) + (totalErr === 1 ? ' error.' : ' errors.');
    } else if (state === 'disconnected') {
      banner.hidden = false;
      banner.textContent = 'Lost the connection to the program; retrying\u2026';
    } else {
      banner.hidden = true;
    }
  }

  function fitGraph(fit) {
    var svg = document.getElementById('graph');
    svg.classList.toggle('fit', fit);
    if (fit) { svg.removeAttribute('width'); svg.removeAttribute('height'); }
    else { svg.setAttribute('width', svg.dataset.width); svg.setAttribute('height', svg.dataset.height); }
    document.getElementById('fit').textContent = fit ? 'Actual size' : 'Fit to window';
  }
  document.getElementById('fit').addEventListener('click', function () {
    fitGraph(!document.getElementById('graph').classList.contains('fit'));
  });

  fetch('graph.json').then(function (r) { return r.json(); }).then(function (g) {
    draw(g);
    var source = new EventSource('events');
    var lost = null; // a blip is not a lost connection: say so after 2 s without news
    source.onmessage = function (e) { clearTimeout(lost); lost = null; update(e.data); };
    source.onerror = function () {
      if (lost === null && lastState !== 'finished' && lastState !== 'halted') {
        lost = setTimeout(function () { setState('disconnected'); }, 2000);
      }
    };
  });
})();
