/* The home page's interactive timeline: the project's own code, no dependencies.
 *
 * Progressive enhancement: the page already lists the latest contacts. This script loads
 * data/timeline.json (lazily, from the same site), shows the filters and a year axis, and
 * lists the contacts that match. The filter state lives in the URL's query string, so a
 * filtered view can be shared. Everything from the data is written with textContent.
 */
(function () {
  "use strict";

  var PAGE = 100;
  var KIND_LABELS = {
    meeting: "Meeting", talks: "Talks", call: "Call", visit: "Visit",
    summit: "Summit", message: "Message", other: "Other"
  };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var FILTERS = ["q", "kind", "person", "level", "from", "to"];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function formatDate(date, end) {
    var p = date.split("-");
    if (p.length === 1) return p[0];
    var month = MONTHS[parseInt(p[1], 10) - 1] || p[1];
    if (p.length === 2) return month + " " + p[0];
    var day = parseInt(p[2], 10);
    if (!end || end === date || end.length !== 10) return day + " " + month + " " + p[0];
    var e = end.split("-");
    var endMonth = MONTHS[parseInt(e[1], 10) - 1] || e[1];
    if (e[0] !== p[0]) return day + " " + month + " " + p[0] + " – " + parseInt(e[2], 10) + " " + endMonth + " " + e[0];
    if (e[1] !== p[1]) return day + " " + month + " – " + parseInt(e[2], 10) + " " + endMonth + " " + e[0];
    return day + "–" + parseInt(e[2], 10) + " " + month + " " + p[0];
  }

  function decode(data) {
    var f = {};
    data.fields.forEach(function (name, i) { f[name] = i; });
    return data.events.map(function (row) {
      var names = row[f.people].map(function (id) {  // people: {id: [name, country, level]}
        return data.people[id] ? data.people[id][0] : id;
      });
      return {
        slug: row[f.slug], date: row[f.date], end: row[f.end_date], kind: row[f.kind],
        title: row[f.title], people: row[f.people], names: names, place: row[f.place],
        level: row[f.level], review: row[f.review], year: parseInt(row[f.date].slice(0, 4), 10),
        text: [row[f.title], row[f.place] || "", names.join(" "), row[f.kind]]
          .join(" ").toLowerCase()
      };
    }).reverse();  // newest first
  }

  function Timeline(app, config, events) {
    this.app = app;
    this.root = config.root;
    this.events = events;
    this.form = document.getElementById("tl-filters");
    this.axis = document.getElementById("tl-axis");
    this.status = document.getElementById("tl-status");
    this.results = document.getElementById("tl-results");
    this.shown = PAGE;
    var years = events.map(function (e) { return e.year; });
    this.first = Math.min.apply(null, years.concat([9999]));
    this.last = Math.max.apply(null, years.concat([0]));
  }

  Timeline.prototype.state = function () {
    var state = {};
    var data = new FormData(this.form);
    FILTERS.forEach(function (name) {
      var value = (data.get(name) || "").toString().trim();
      if (value) state[name] = value;
    });
    return state;
  };

  Timeline.prototype.setState = function (state) {
    var form = this.form;
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      var value = state[name] || "";
      if (field.tagName === "SELECT" && value &&
          !Array.prototype.some.call(field.options, function (o) { return o.value === value; })) {
        value = "";
      }
      field.value = value;
    });
  };

  Timeline.prototype.matches = function (state) {
    var terms = (state.q || "").toLowerCase().split(/\s+/).filter(Boolean);
    var from = parseInt(state.from, 10), to = parseInt(state.to, 10);
    return this.events.filter(function (e) {
      if (state.kind && e.kind !== state.kind) return false;
      if (state.level && e.level !== state.level) return false;
      if (state.person && e.people.indexOf(state.person) < 0) return false;
      if (!isNaN(from) && e.year < from) return false;
      if (!isNaN(to) && e.year > to) return false;
      for (var i = 0; i < terms.length; i++) if (e.text.indexOf(terms[i]) < 0) return false;
      return true;
    });
  };

  Timeline.prototype.writeUrl = function (state) {
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  };

  Timeline.prototype.update = function (keepPage) {
    var state = this.state();
    if (!keepPage) this.shown = PAGE;
    this.writeUrl(state);
    var found = this.matches(state);
    this.drawAxis(state);
    this.drawList(found);
    var total = found.length === 1 ? "1 contact matches" : found.length + " contacts match";
    this.status.textContent = total + (found.length > this.shown ? "; the first " + this.shown + " are listed." : ".");
  };

  Timeline.prototype.counts = function () {
    var counts = {};
    this.events.forEach(function (e) { counts[e.year] = (counts[e.year] || 0) + 1; });
    return counts;
  };

  Timeline.prototype.drawAxis = function (state) {
    var self = this, counts = this.yearCounts || (this.yearCounts = this.counts());
    var top = Math.max.apply(null, Object.keys(counts).map(function (y) { return counts[y]; }).concat([1]));
    var from = parseInt(state.from, 10) || this.first, to = parseInt(state.to, 10) || this.last;
    this.axis.textContent = "";
    var bar = el("div", "tl-axis-tools");
    var zoomOut = el("button", "tl-zoom", "Zoom out");
    zoomOut.type = "button";
    zoomOut.addEventListener("click", function () { self.zoom(from, to, 2); });
    var all = el("button", "tl-zoom", "All years");
    all.type = "button";
    all.addEventListener("click", function () { self.setRange("", ""); });
    bar.appendChild(zoomOut);
    bar.appendChild(all);
    this.axis.appendChild(bar);
    var strip = el("div", "tl-years-strip");
    strip.setAttribute("role", "group");
    strip.setAttribute("aria-label", "Years: choose one to zoom in; arrow keys move between years");
    var current = null;
    for (var year = this.first; year <= this.last; year++) {
      var n = counts[year] || 0;
      var button = el("button", "tl-year");
      button.type = "button";
      button.dataset.year = String(year);
      var ranged = Boolean(state.from || state.to);
      button.setAttribute("aria-pressed", String(ranged && year >= from && year <= to));
      button.setAttribute("aria-label", year + ", " + n + (n === 1 ? " contact" : " contacts"));
      var fill = el("span", "tl-year-bar");
      fill.style.height = Math.round(100 * n / top) + "%";
      button.appendChild(fill);
      button.appendChild(el("span", "tl-year-label", String(year)));
      button.tabIndex = -1;
      if (state.from && year === from) current = button;
      strip.appendChild(button);
    }
    (current || strip.lastChild || strip).tabIndex = 0;
    strip.addEventListener("click", function (event) {
      var target = event.target.closest("button");
      if (target) self.setRange(target.dataset.year, target.dataset.year);
    });
    strip.addEventListener("keydown", function (event) { self.arrowKeys(event, strip); });
    this.axis.appendChild(strip);
    if (current && current.scrollIntoView && state.from) {
      current.scrollIntoView({block: "nearest", inline: "center"});
    } else {
      strip.scrollLeft = strip.scrollWidth;  // the newest years first in view
    }
  };

  Timeline.prototype.arrowKeys = function (event, strip) {
    var moves = {ArrowLeft: -1, ArrowRight: 1, Home: -Infinity, End: Infinity};
    if (!(event.key in moves)) return;
    var buttons = Array.prototype.slice.call(strip.querySelectorAll("button"));
    var i = buttons.indexOf(document.activeElement);
    var next = Math.max(0, Math.min(buttons.length - 1, i + moves[event.key]));
    if (!isFinite(i + moves[event.key])) next = moves[event.key] < 0 ? 0 : buttons.length - 1;
    buttons.forEach(function (b) { b.tabIndex = -1; });
    buttons[next].tabIndex = 0;
    buttons[next].focus();
    event.preventDefault();
  };

  Timeline.prototype.zoom = function (from, to, factor) {
    var middle = (from + to) / 2, half = Math.max(1, (to - from + 1) * factor / 2);
    var start = Math.max(this.first, Math.floor(middle - half));
    var end = Math.min(this.last, Math.ceil(middle + half));
    if (start <= this.first && end >= this.last) this.setRange("", "");
    else this.setRange(String(start), String(end));
  };

  Timeline.prototype.setRange = function (from, to) {
    this.form.elements.from.value = from;
    this.form.elements.to.value = to;
    this.update();
  };

  Timeline.prototype.card = function (e) {
    var item = el("li", "tl-card tl-card-small");
    item.dataset.id = e.slug;
    var meta = el("p", "tl-meta");
    var time = el("time", null, formatDate(e.date, e.end));
    time.setAttribute("datetime", e.date);
    meta.appendChild(time);
    meta.appendChild(document.createTextNode(" "));
    meta.appendChild(el("span", "tl-badge tl-kind", KIND_LABELS[e.kind] || e.kind));
    if (e.place) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", "tl-place", e.place));
    }
    var title = el("h4", "tl-title");
    var link = el("a", null, e.title);
    link.href = this.root + "events/" + encodeURIComponent(e.slug) + "/";
    title.appendChild(link);
    item.appendChild(meta);
    item.appendChild(title);
    if (e.names.length) item.appendChild(el("p", "tl-people", e.names.join(", ")));
    return item;
  };

  Timeline.prototype.drawList = function (found) {
    var self = this;
    this.results.textContent = "";
    var list = null, year = null;
    found.slice(0, this.shown).forEach(function (e) {
      if (e.year !== year) {
        year = e.year;
        self.results.appendChild(el("h3", "tl-year-heading", String(year)));
        list = el("ol", "tl-list");
        self.results.appendChild(list);
      }
      list.appendChild(self.card(e));
    });
    if (found.length > this.shown) {
      var more = el("button", "tl-more", "Show more contacts");
      more.type = "button";
      more.addEventListener("click", function () {
        self.shown += PAGE;
        self.update(true);
      });
      this.results.appendChild(more);
    }
  };

  Timeline.prototype.start = function () {
    var self = this;
    var params = new URLSearchParams(window.location.search);
    var state = {};
    FILTERS.forEach(function (name) { if (params.get(name)) state[name] = params.get(name); });
    this.setState(state);
    this.form.hidden = false;
    this.axis.hidden = false;
    this.form.addEventListener("input", function () { self.update(); });
    this.form.addEventListener("change", function () { self.update(); });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); self.update(); });
    this.form.addEventListener("reset", function () { window.setTimeout(function () { self.update(); }, 0); });
    this.update();
  };

  function start() {
    var app = document.getElementById("tl-app");
    var configNode = document.getElementById("tl-config");
    if (!app || !configNode || app.dataset.ready) return;
    app.dataset.ready = "1";
    var config = JSON.parse(configNode.textContent);
    app.setAttribute("aria-busy", "true");
    fetch(config.data, {credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) {
        new Timeline(app, config, decode(data)).start();
      })
      .catch(function () {
        document.getElementById("tl-status").textContent =
          "The timeline could not be loaded; the latest contacts are listed below.";
      })
      .then(function () { app.removeAttribute("aria-busy"); });
  }

  function nameSearchDialog() {
    // Material's search dialog has no accessible name; give it one.
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", "Search");
  }

  function ready() {
    nameSearchDialog();
    start();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
