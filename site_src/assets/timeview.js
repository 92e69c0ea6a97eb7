/* The time view: events on a time axis at their dates (ranges as spans), in lanes, coloured
 * by kind, over bands for each country's administrations. Zoom and pan with the mouse
 * (wheel, drag), touch (drag, pinch), the keyboard and the buttons, from all years down to a
 * week. The project's own code, no dependencies; text is written with textContent only.
 *
 * Drawing is one SVG path per lane and kind, whatever the number of events, so that a filter
 * change over 10,000 events stays fast; hit testing walks the lane under the pointer.
 */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var DAY = 86400000, WEEK = 7 * DAY;
  var ROWS = 6, ROW_H = 7, LABEL_H = 16, BAND_H = 15, AXIS_H = 22;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var STEPS = [
    ["year", 10], ["year", 5], ["year", 2], ["year", 1], ["month", 6], ["month", 3],
    ["month", 1], ["day", 7], ["day", 1]
  ];

  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function utc(date) {  // "2023", "2023-06" or "2023-06-18" -> ms at the start of it
    var p = date.split("-").map(function (x) { return parseInt(x, 10); });
    return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1);
  }

  function span(date, end) {  // [start, end) in ms for a date of any precision
    var p = date.split("-"), t0 = utc(date);
    if (p.length === 1) return [t0, Date.UTC(+p[0] + 1, 0, 1)];
    if (p.length === 2) return [t0, Date.UTC(+p[0], +p[1], 1)];
    var t1 = end && end.length === 10 ? utc(end) + DAY : t0 + DAY;
    return [t0, Math.max(t1, t0 + DAY)];
  }

  function tickLabel(t, unit) {
    var d = new Date(t);
    if (unit === "year") return String(d.getUTCFullYear());
    if (unit === "month") {
      var m = d.getUTCMonth();
      return m === 0 ? String(d.getUTCFullYear()) : MONTHS[m];
    }
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
  }

  function ticks(t0, t1, width) {
    var most = Math.max(2, Math.floor(width / 64)), unit = "year", step = 10;
    for (var i = 0; i < STEPS.length; i++) {
      var s = STEPS[i], size = s[0] === "year" ? 365.25 * DAY * s[1] :
        s[0] === "month" ? 30.44 * DAY * s[1] : DAY * s[1];
      if ((t1 - t0) / size > most) break;
      unit = s[0]; step = s[1];
    }
    var out = [], d = new Date(t0), t;
    if (unit === "year") {
      var y = Math.floor(d.getUTCFullYear() / step) * step;
      for (; (t = Date.UTC(y, 0, 1)) <= t1; y += step) if (t >= t0) out.push(t);
    } else if (unit === "month") {
      var y2 = d.getUTCFullYear(), m = Math.floor(d.getUTCMonth() / step) * step;
      for (; (t = Date.UTC(y2, m, 1)) <= t1; m += step) if (t >= t0) out.push(t);
    } else {
      var day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
      for (t = day; t <= t1; t += step * DAY) if (t >= t0) out.push(t);
    }
    return {unit: unit, at: out};
  }

  function TimeView(root, options) {
    this.root = root;
    this.o = options;  // {bands, lanes(mode) -> [[key, label]], laneOf(e, mode), href(e), onView(t0, t1)}
    this.events = [];
    this.mode = "level";
    this.svg = svg("svg", {"class": "tl-view-svg", tabindex: "0", role: "group",
      "aria-label": "Time view: arrow keys pan, + and - zoom, 0 shows everything, " +
        ". and , step through the contacts, Enter opens one",
      "aria-describedby": "tl-view-hint"});
    this.card = document.createElement("div");
    this.card.className = "tl-view-card";
    this.card.hidden = true;
    this.card.setAttribute("role", "status");
    root.appendChild(this.svg);
    root.appendChild(this.card);
    this.pointers = {};
    this.bind();
  }

  TimeView.span = span;

  TimeView.prototype.extent = function () {
    var lo = Infinity, hi = -Infinity;
    this.all.forEach(function (e) { if (e.t0 < lo) lo = e.t0; if (e.t1 > hi) hi = e.t1; });
    if (!isFinite(lo)) { hi = Date.now(); lo = hi - 365 * DAY; }
    hi = Math.max(hi, Date.now());
    var pad = (hi - lo) * 0.01 + DAY;
    return [lo - pad, hi + pad];
  };

  TimeView.prototype.setAll = function (events) {  // every event, for the extent
    this.all = events;
    this.full = this.extent();
  };

  TimeView.prototype.setEvents = function (events, mode) {  // the matching ones, oldest first
    this.events = events;
    this.mode = mode;
    this.focused = null;
    this.draw();
  };

  TimeView.prototype.setView = function (t0, t1, quiet) {
    var full = this.full, min = WEEK, size = Math.max(min, Math.min(t1 - t0, full[1] - full[0]));
    var mid = (t0 + t1) / 2;
    t0 = mid - size / 2; t1 = mid + size / 2;
    if (t0 < full[0]) { t1 += full[0] - t0; t0 = full[0]; }
    if (t1 > full[1]) { t0 -= t1 - full[1]; t1 = full[1]; }
    this.t0 = Math.max(t0, full[0]); this.t1 = t1;
    this.draw();
    if (!quiet && this.o.onView) this.o.onView(this.t0, this.t1);
  };

  TimeView.prototype.showAll = function () { this.setView(this.full[0], this.full[1]); };

  TimeView.prototype.zoom = function (factor, px) {
    var w = this.width || 1, at = px === undefined ? w / 2 : px;
    var tc = this.t0 + (at / w) * (this.t1 - this.t0), size = (this.t1 - this.t0) * factor;
    size = Math.max(WEEK, Math.min(size, this.full[1] - this.full[0]));
    var t0 = tc - (at / w) * size;
    this.setView(t0, t0 + size);
  };

  TimeView.prototype.pan = function (dx) {
    var dt = -dx / (this.width || 1) * (this.t1 - this.t0);
    this.setView(this.t0 + dt, this.t1 + dt);
  };

  TimeView.prototype.x = function (t) {
    return (t - this.t0) / (this.t1 - this.t0) * this.width;
  };

  TimeView.prototype.layout = function (lanes) {
    var self = this, index = {}, visible = lanes.map(function () { return []; });
    var ends = lanes.map(function () { return []; });
    lanes.forEach(function (lane, i) {
      index[lane[0]] = i;
      for (var r = 0; r < ROWS; r++) ends[i].push(-Infinity);
    });
    this.events.forEach(function (e) {
      if (e.t1 <= self.t0 || e.t0 >= self.t1) return;
      var lane = index[self.o.laneOf(e, self.mode)];
      if (lane === undefined) return;
      var x = self.x(e.t0), w = Math.max(self.x(e.t1) - x, 3), row = 0, rowEnds = ends[lane];
      for (var r = 0; r < ROWS; r++) {
        if (rowEnds[r] <= x) { row = r; break; }
        if (rowEnds[r] < rowEnds[row]) row = r;
      }
      rowEnds[row] = x + w + 1;
      e.x = x; e.w = w; e.lane = lane; e.row = row;
      visible[lane].push(e);
    });
    return visible;
  };

  TimeView.prototype.drawBands = function (group) {
    var self = this, bands = this.o.bands || [], rows = {us: 0, cn: 1};
    [["us", "US president"], ["cn", "China's president"]].forEach(function (row, i) {
      group.appendChild(svg("text", {x: 2, y: i * BAND_H + 11, "class": "tl-band-side"}, row[0] === "us" ? "US" : "CN"));
    });
    bands.forEach(function (b, i) {
      var t0 = utc(b[2]), t1 = b[3] ? utc(b[3]) : Date.now() + 365 * DAY;
      if (t1 <= self.t0 || t0 >= self.t1) return;
      var x0 = Math.max(self.x(t0), 22), x1 = Math.min(self.x(t1), self.width), y = rows[b[0]] * BAND_H;
      if (x1 <= x0) return;
      var rect = svg("rect", {x: x0, y: y, width: x1 - x0, height: BAND_H - 2,
        "class": "tl-band tl-band-" + (i % 2 ? "a" : "b")});
      rect.appendChild(svg("title", {}, b[1] + " (" + b[2] + " – " + (b[3] || "present") + ")"));
      group.appendChild(rect);
      if (x1 - x0 > 46) {
        group.appendChild(svg("text", {x: x0 + 3, y: y + 10, "class": "tl-band-name"},
          x1 - x0 > 90 ? b[1] : b[1].split(" ").slice(-1)[0]));
      }
    });
  };

  TimeView.prototype.draw = function () {
    if (this.t0 === undefined) return;
    var self = this, lanes = this.o.lanes(this.mode);
    if (!this.width || this.resized) {  // reading the width forces a layout: only when needed
      this.width = Math.max(200, this.root.clientWidth || 600);
      this.resized = false;
    }
    var visible = this.layout(lanes), laneH = LABEL_H + ROWS * ROW_H + 4;
    var top = 2 * BAND_H + 4, height = top + lanes.length * laneH + AXIS_H;
    var node = this.svg;
    while (node.firstChild) node.removeChild(node.firstChild);
    node.setAttribute("viewBox", "0 0 " + this.width + " " + height);
    node.setAttribute("width", this.width);
    node.setAttribute("height", height);
    var bands = svg("g", {"class": "tl-bands"});
    this.drawBands(bands);
    node.appendChild(bands);
    var grid = ticks(this.t0, this.t1, this.width), axisY = height - AXIS_H;
    grid.at.forEach(function (t) {
      var x = self.x(t);
      node.appendChild(svg("line", {x1: x, x2: x, y1: top, y2: axisY + 4, "class": "tl-grid"}));
      node.appendChild(svg("text", {x: x + 2, y: axisY + 16, "class": "tl-tick"}, tickLabel(t, grid.unit)));
    });
    lanes.forEach(function (lane, i) {
      var y = top + i * laneH, paths = {};
      node.appendChild(svg("line", {x1: 0, x2: self.width, y1: y, y2: y, "class": "tl-lane-rule"}));
      node.appendChild(svg("text", {x: 2, y: y + 12, "class": "tl-lane-label"},
        lane[1] + " (" + visible[i].length + " in view)"));
      visible[i].forEach(function (e) {
        var ry = y + LABEL_H + e.row * ROW_H;
        e.y = ry;
        paths[e.kind] = (paths[e.kind] || "") + "M" + e.x.toFixed(1) + " " + ry + "h" +
          e.w.toFixed(1) + "v" + (ROW_H - 2) + "h" + (-e.w).toFixed(1) + "z";
      });
      Object.keys(paths).forEach(function (kind) {
        node.appendChild(svg("path", {d: paths[kind], "class": "tl-mark tl-fill-" + kind}));
      });
    });
    node.appendChild(svg("line", {x1: 0, x2: this.width, y1: axisY, y2: axisY, "class": "tl-axis-line"}));
    this.visible = visible;
    this.geometry = {top: top, laneH: laneH};
    this.marker = svg("rect", {"class": "tl-marker", width: 0, height: 0, x: -10, y: -10});
    node.appendChild(this.marker);
    if (this.focused && this.focused.x !== undefined) this.mark(this.focused, true);
    else this.card.hidden = true;
  };

  TimeView.prototype.hit = function (px, py) {
    var g = this.geometry;
    if (!g) return null;
    var lane = Math.floor((py - g.top) / g.laneH), best = null, bestD = 8;
    if (!this.visible || lane < 0 || lane >= this.visible.length) return null;
    this.visible[lane].forEach(function (e) {
      var dx = px < e.x ? e.x - px : px > e.x + e.w ? px - e.x - e.w : 0;
      var dy = Math.abs(py - (e.y + ROW_H / 2)) / 2;
      if (dx + dy < bestD) { bestD = dx + dy; best = e; }
    });
    return best;
  };

  TimeView.prototype.mark = function (e, keep) {
    if (!e) {
      this.marker.setAttribute("width", 0);
      if (!keep) this.card.hidden = true;
      return;
    }
    var m = this.marker;
    m.setAttribute("x", e.x - 2); m.setAttribute("y", e.y - 2);
    m.setAttribute("width", e.w + 4); m.setAttribute("height", ROW_H + 2);
    this.o.fillCard(this.card, e);
    this.card.hidden = false;
    var left = Math.min(Math.max(0, e.x - 20), Math.max(0, this.width - 300));
    this.card.style.left = left + "px";
    this.card.style.top = (e.y + ROW_H + 6) + "px";
  };

  TimeView.prototype.step = function (by) {  // focus the next or previous contact in view
    var list = [];
    (this.visible || []).forEach(function (lane) { list = list.concat(lane); });
    list.sort(function (a, b) { return a.t0 - b.t0 || a.lane - b.lane; });
    if (!list.length) return;
    var i = list.indexOf(this.focused);
    i = i < 0 ? (by > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, i + by));
    this.focused = list[i];
    this.mark(this.focused);
  };

  TimeView.prototype.local = function (event) {
    var box = this.svg.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };

  TimeView.prototype.bind = function () {
    var self = this, node = this.svg;
    node.addEventListener("wheel", function (event) {
      event.preventDefault();
      self.zoom(event.deltaY > 0 ? 1.25 : 0.8, self.local(event)[0]);
    }, {passive: false});
    node.addEventListener("pointerdown", function (event) {
      self.pointers[event.pointerId] = self.local(event);
      self.moved = 0;
      if (node.setPointerCapture) node.setPointerCapture(event.pointerId);
    });
    node.addEventListener("pointermove", function (event) {
      var at = self.local(event), ids = Object.keys(self.pointers);
      if (!ids.length) { self.focused = null; self.mark(self.hit(at[0], at[1])); return; }
      if (ids.length === 2) {
        var other = self.pointers[ids[0] == event.pointerId ? ids[1] : ids[0]];
        var was = self.pointers[event.pointerId];
        var before = Math.abs(was[0] - other[0]), after = Math.abs(at[0] - other[0]);
        if (before > 10 && after > 10) self.zoom(before / after, (at[0] + other[0]) / 2);
      } else if (self.pointers[event.pointerId]) {
        var dx = at[0] - self.pointers[event.pointerId][0];
        self.moved += Math.abs(dx);
        if (self.moved > 3) self.pan(dx);
      }
      self.pointers[event.pointerId] = at;
    });
    function release(event) {
      var wasClick = self.moved <= 3 && Object.keys(self.pointers).length === 1;
      delete self.pointers[event.pointerId];
      if (wasClick && event.type === "pointerup") {
        var at = self.local(event), e = self.hit(at[0], at[1]);
        if (e) window.location.href = self.o.href(e);
      }
    }
    node.addEventListener("pointerup", release);
    node.addEventListener("pointercancel", release);
    node.addEventListener("pointerleave", function () { if (!self.focused) self.mark(null); });
    node.addEventListener("keydown", function (event) { self.key(event); });
    node.addEventListener("blur", function () { self.focused = null; self.mark(null); });
  };

  TimeView.prototype.key = function (event) {
    var k = event.key, step = this.width / 5;
    if (k === "ArrowLeft") this.pan(step);
    else if (k === "ArrowRight") this.pan(-step);
    else if (k === "+" || k === "=" || k === "ArrowUp") this.zoom(0.5);
    else if (k === "-" || k === "_" || k === "ArrowDown") this.zoom(2);
    else if (k === "0" || k === "Home") this.showAll();
    else if (k === ".") this.step(1);
    else if (k === ",") this.step(-1);
    else if (k === "Enter" && this.focused) window.location.href = this.o.href(this.focused);
    else return;
    event.preventDefault();
    event.stopPropagation();  // Material binds , and . to the previous and next page
  };

  window.TimeView = TimeView;
})();
