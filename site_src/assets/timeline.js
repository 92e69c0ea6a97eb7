/* The home page's timeline: the project's own code, no dependencies.
 *
 * Progressive enhancement: the page already lists the latest contacts. This script loads
 * data/timeline.json (lazily, from the same site), shows the filters, the time view
 * (assets/timeview.js) and the list of matching contacts, with everything a card shows
 * without JavaScript. Filters drive the view, the counts and the list together; the filter
 * state and the view's window live in the URL's query string, so a view can be shared.
 * Everything from the data is written with textContent.
 */
(function () {
  "use strict";

  var PAGE = 100;
  var KIND_LABELS = {
    meeting: "Meeting", talks: "Talks", call: "Call", visit: "Visit",
    summit: "Summit", message: "Message", other: "Other"
  };
  var LANES = {
    level: [["leader", "Leaders"], ["minister", "Ministers"], ["other", "Others"]],
    channel: [["leaders", "Leaders"], ["foreign", "Foreign policy"], ["defense", "Defense"],
      ["economy", "Trade and economy"], ["climate", "Climate"], ["others", "Others"]]
  };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  var FILTERS = ["q", "kind", "person", "level", "channel", "from", "to", "lanes"];

  var BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

  function visible(text) {  // bidi controls shown as [U+202E], as the pages show them
    return String(text).replace(BIDI, function (c) {
      return "[U+" + ("000" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4) + "]";
    });
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = visible(text);
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

  function isoDay(t) { return new Date(t).toISOString().slice(0, 10); }

  function decode(data) {
    var f = {};
    data.fields.forEach(function (name, i) { f[name] = i; });
    function name(id) { return data.people[id] ? data.people[id][0] : id; }
    return data.events.map(function (row) {
      var times = window.TimeView.span(row[f.date], row[f.end_date]);
      var people = (row[f.us] || []).concat(row[f.china] || []);  // not sent twice
      var names = people.map(name);
      return {
        slug: row[f.slug], date: row[f.date], end: row[f.end_date], kind: row[f.kind],
        title: row[f.title], people: people, place: row[f.place], level: row[f.level],
        review: row[f.review], us: row[f.us] || [], china: row[f.china] || [],
        summary: row[f.summary] || "", channel: row[f.channel], names: names, name: name,
        year: parseInt(row[f.date].slice(0, 4), 10), t0: times[0], t1: times[1],
        text: [row[f.title], row[f.place] || "", names.join(" "), row[f.kind], row[f.summary] || ""]
          .join(" ").toLowerCase()
      };
    });  // oldest first, as in the file
  }

  function Timeline(config, data) {
    this.root = config.root;
    this.events = decode(data);
    this.form = document.getElementById("tl-filters");
    this.status = document.getElementById("tl-status");
    this.results = document.getElementById("tl-results");
    this.legend = document.getElementById("tl-view-legend");
    this.shown = PAGE;
    var self = this;
    this.view = new window.TimeView(document.getElementById("tl-view"), {
      bands: data.bands || [],
      lanes: function (mode) { return LANES[mode] || LANES.level; },
      laneOf: function (e, mode) { return mode === "channel" ? e.channel : e.level; },
      href: function (e) { return self.href(e); },
      fillCard: function (card, e) { self.fillCard(card, e); },
      onView: function (t0, t1) { self.viewWindow = [t0, t1]; self.writeUrl(self.state()); }
    });
    this.view.setAll(this.events);
  }

  Timeline.prototype.href = function (e) {
    return this.root + "events/" + encodeURIComponent(e.slug) + "/";
  };

  Timeline.prototype.state = function () {
    var state = {}, data = new FormData(this.form);
    FILTERS.forEach(function (name) {
      var value = (data.get(name) || "").toString().trim();
      if (value && !(name === "lanes" && value === "level")) state[name] = value;
    });
    return state;
  };

  Timeline.prototype.setState = function (state) {
    var form = this.form;
    FILTERS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;
      var value = state[name] || (name === "lanes" ? "level" : "");
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
      if (state.channel && e.channel !== state.channel) return false;
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
    if (this.viewWindow) {
      params.set("start", isoDay(this.viewWindow[0]));
      params.set("end", isoDay(this.viewWindow[1]));
    }
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  };

  Timeline.prototype.update = function (keepPage, yearsChanged) {
    var started = performance.now(), state = this.state();
    if (!keepPage) this.shown = PAGE;
    var found = this.matches(state);
    if (yearsChanged) this.fitYears(state);
    this.view.setEvents(found, state.lanes || "level");
    this.drawLegend(state);
    this.drawList(found);
    this.writeUrl(state);
    var total = found.length === 1 ? "1 contact matches" : found.length + " contacts match";
    this.status.textContent = total +
      (found.length > this.shown ? "; the newest " + this.shown + " are listed below." : ".");
    this.lastRender = performance.now() - started;  // read by the browser test
  };

  Timeline.prototype.fitYears = function (state) {
    var from = parseInt(state.from, 10), to = parseInt(state.to, 10);
    if (isNaN(from) && isNaN(to)) { this.viewWindow = null; this.view.setView(this.view.full[0], this.view.full[1], true); return; }
    var t0 = isNaN(from) ? this.view.full[0] : Date.UTC(from, 0, 1);
    var t1 = isNaN(to) ? this.view.full[1] : Date.UTC(to + 1, 0, 1);
    this.view.setView(t0, t1);
  };

  Timeline.prototype.drawLegend = function (state) {
    var self = this, present = {};
    this.events.forEach(function (e) { present[e.kind] = true; });
    this.legend.textContent = "";
    Object.keys(KIND_LABELS).forEach(function (kind) {
      if (!present[kind]) return;
      var button = el("button", "tl-legend-item");
      button.type = "button";
      button.setAttribute("aria-pressed", String(state.kind === kind));
      button.appendChild(el("span", "tl-swatch tl-fill-" + kind));
      button.appendChild(document.createTextNode(KIND_LABELS[kind]));
      button.addEventListener("click", function () {
        self.form.elements.kind.value = state.kind === kind ? "" : kind;
        self.update();
        self.legend.querySelector("[data-kind='" + kind + "']").focus();
      });
      button.dataset.kind = kind;
      self.legend.appendChild(button);
    });
  };

  Timeline.prototype.peopleLine = function (e) {
    var self = this, line = el("p", "tl-people"), parts = [["US", e.us], ["China", e.china]];
    var any = false;
    parts.forEach(function (part) {
      if (!part[1].length) return;
      if (any) line.appendChild(document.createTextNode("; "));
      any = true;
      var side = el("span");
      side.appendChild(document.createTextNode(part[0] + ": "));
      part[1].forEach(function (id, i) {
        if (i) side.appendChild(document.createTextNode(", "));
        var link = el("a", "tl-person", e.name(id));
        link.href = self.root + "people/" + encodeURIComponent(id) + "/";
        side.appendChild(link);
      });
      line.appendChild(side);
    });
    if (!any) line.textContent = "Participants not named";
    return line;
  };

  Timeline.prototype.meta = function (e) {
    var meta = el("p", "tl-meta");
    var time = el("time", null, formatDate(e.date, e.end));
    time.setAttribute("datetime", e.date);
    meta.appendChild(time);
    meta.appendChild(document.createTextNode(" "));
    var kind = el("a", "tl-badge tl-kind", KIND_LABELS[e.kind] || e.kind);
    kind.href = this.root + "kinds/" + encodeURIComponent(e.kind) + "/";
    meta.appendChild(kind);
    if (e.place) {
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(el("span", "tl-place", e.place));
    }
    meta.appendChild(document.createTextNode(" "));
    var reviewed = e.review === "reviewed";
    var badge = el("span", "tl-badge tl-review tl-review-" + (reviewed ? "reviewed" : "draft"),
      reviewed ? "reviewed" : "draft");
    badge.title = reviewed ? "checked by an editor" : "not yet checked by an editor";
    meta.appendChild(badge);
    return meta;
  };

  Timeline.prototype.card = function (e) {
    var item = el("li", "tl-card");
    item.dataset.id = e.slug;
    var title = el("h4", "tl-title");
    var link = el("a", null, e.title);
    link.href = this.href(e);
    title.appendChild(link);
    item.appendChild(this.meta(e));
    item.appendChild(title);
    item.appendChild(this.peopleLine(e));
    item.appendChild(el("p", "tl-summary", e.summary));
    return item;
  };

  Timeline.prototype.fillCard = function (card, e) {
    card.textContent = "";
    card.appendChild(this.meta(e));
    card.appendChild(el("p", "tl-title", e.title));
    if (e.names.length) card.appendChild(el("p", "tl-people", e.names.join(", ")));
    card.appendChild(el("p", "tl-hint", "Click or press Enter to open"));
  };

  Timeline.prototype.drawList = function (found) {
    var self = this;
    this.results.textContent = "";
    var list = null, year = null;
    found.slice(-this.shown).reverse().forEach(function (e) {  // newest first
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

  Timeline.prototype.buttons = function () {
    var self = this, bar = document.getElementById("tl-view-tools");
    [["Zoom in", function () { self.view.zoom(0.5); }],
     ["Zoom out", function () { self.view.zoom(2); }],
     ["Show everything", function () { self.view.showAll(); }]].forEach(function (b) {
      var button = el("button", "tl-zoom", b[0]);
      button.type = "button";
      button.addEventListener("click", b[1]);
      bar.appendChild(button);
    });
  };

  Timeline.prototype.start = function () {
    var self = this, params = new URLSearchParams(window.location.search), state = {};
    FILTERS.forEach(function (name) { if (params.get(name)) state[name] = params.get(name); });
    this.setState(state);
    this.buttons();
    ["tl-filters", "tl-view-wrap"].forEach(function (id) { document.getElementById(id).hidden = false; });
    var start = Date.parse(params.get("start") || ""), end = Date.parse(params.get("end") || "");
    this.update(false, true);
    if (!isNaN(start) && !isNaN(end) && end > start) this.view.setView(start, end);
    this.form.addEventListener("input", function (event) {
      self.update(false, event.target.name === "from" || event.target.name === "to");
    });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); self.update(); });
    this.form.addEventListener("reset", function () {
      window.setTimeout(function () { self.update(false, true); }, 0);
    });
    window.addEventListener("resize", function () { self.view.resized = true; self.view.draw(); });
    window.timelineApp = this;  // for the browser tests' measurements
  };

  function start() {
    var app = document.getElementById("tl-app");
    var configNode = document.getElementById("tl-config");
    if (!app || !configNode || app.dataset.ready || !window.TimeView) return;
    app.dataset.ready = "1";
    var config = JSON.parse(configNode.textContent);
    app.setAttribute("aria-busy", "true");
    fetch(config.data, {credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (data) { new Timeline(config, data).start(); })
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
