/* The site's search worker, in place of Material's: it speaks the same messages (setup 0,
 * ready 1, query 2, result 3), so Material's search box, results list, keyboard use and
 * search.highlight work unchanged, but it loads nothing until the reader types a query, and
 * then one prebuilt index (timeline/site/searchindex.py: the format, and the way text is cut
 * into words, which must match `words` there), instead of building a Lunr index in the
 * browser from every page's text.
 *
 * A query's words are each a prefix: "blink wan" finds "Blinken" and "Wang". Results are the
 * documents that have every word that occurs in the site (a word found nowhere is shown as
 * missing, as Material does); when none has them all, those with the most. The best 100
 * pages are answered (Material's count then reads "The 100 best matches", see
 * overrides/main.html). */
"use strict";

var CJK = "\\u3040-\\u30ff\\u3400-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{2ffff}";
var TOKEN = new RegExp("[" + CJK + "]+|(?:(?![" + CJK + "])[\\p{L}\\p{N}])+", "gu");
var SHOWN_WORD = /[\p{L}\p{N}\p{M}]+/gu;
var CJK_START = new RegExp("^[" + CJK + "]", "u");
var FIELD_WEIGHT = [0, 4, 2, 6, 1, 5, 3, 7];  // bits: title 4, text 2, keywords 1
var MOST_GROUPS = 100;  // more would stall the page while Material takes them in
var config = null;
var index = null;
var loading = null;

function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
}

function queryWords(text) {
  var seen = {};
  return (fold(text).match(TOKEN) || []).filter(function (w) {
    return seen[w] ? false : (seen[w] = true);
  });
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, function (c) {
    return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
  });
}

/* The text, escaped, with each word that starts with a query word (or, in Chinese and
 * Japanese, contains one) marked. */
function mark(text, words) {
  var out = "", last = 0, match;
  SHOWN_WORD.lastIndex = 0;
  while ((match = SHOWN_WORD.exec(text)) !== null) {
    var folded = fold(match[0]);
    var hit = words.some(function (w) {
      return folded.indexOf(w) === 0 || (CJK_START.test(w) && folded.indexOf(w) > 0);
    });
    if (!hit) continue;
    out += escapeHtml(text.slice(last, match.index)) + "<mark>" + escapeHtml(match[0]) + "</mark>";
    last = match.index + match[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

function load() {
  if (!loading) {
    var url = new URL("../" + config.timeline_index, self.location.href);
    loading = fetch(url, {credentials: "same-origin"})
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status + " for " + url);
        return response.json();
      })
      .then(function (data) {
        index = data;
        index.byLocation = {};
        data.docs.forEach(function (doc, n) { index.byLocation[doc[0]] = n; });
      });
  }
  return loading;
}

/* First term >= word in the sorted term list. */
function lowerBound(terms, word) {
  var lo = 0, hi = terms.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (terms[mid] < word) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/* Document number -> best weight of any term that starts with `word`. */
function matchWord(word) {
  var found = new Map(), terms = index.terms, total = index.docs.length;
  for (var t = lowerBound(terms, word); t < terms.length && terms[t].indexOf(word) === 0; t++) {
    var codes = index.postings[t];
    var idf = Math.log(1 + total / codes.length) * (terms[t] === word ? 1 : 0.6);
    for (var i = 0, doc = 0; i < codes.length; i++) {
      doc += Math.floor(codes[i] / 8);
      var weight = idf * FIELD_WEIGHT[codes[i] & 7];
      if (!(found.get(doc) >= weight)) found.set(doc, weight);
    }
  }
  return found;
}

function item(n, score, words, terms) {
  var doc = index.docs[n];
  return {location: doc[0], title: mark(doc[1], words), text: mark(doc[2], words),
          score: score, terms: terms};
}

/* Material's result shape: groups (a page and its sections), best first. */
function search(query) {
  var words = queryWords(query);
  if (!words.length) return {items: []};
  var matches = [], terms = {};
  words.forEach(function (w) {
    var found = matchWord(w);
    terms[w] = found.size > 0;
    if (found.size) matches.push(found);
  });
  if (!matches.length) return {items: []};
  var scores = new Map(), counts = new Map(), most = 0;
  matches.forEach(function (found) {
    found.forEach(function (weight, doc) {
      scores.set(doc, (scores.get(doc) || 0) + weight);
      var count = (counts.get(doc) || 0) + 1;
      counts.set(doc, count);
      if (count > most) most = count;
    });
  });
  var ranked = [];
  scores.forEach(function (score, doc) {
    if (counts.get(doc) === most) ranked.push([doc, score * index.docs[doc][3]]);
  });
  ranked.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
  var groups = new Map();
  for (var r = 0; r < ranked.length; r++) {
    var location = index.docs[ranked[r][0]][0], page = location.split("#")[0];
    if (!groups.has(page)) {
      if (groups.size === MOST_GROUPS) break;
      groups.set(page, []);
    }
    groups.get(page).push(item(ranked[r][0], ranked[r][1], words, terms));
  }
  groups.forEach(function (items, page) {  // every group needs its page (Material's renderer)
    if (!items.some(function (i) { return i.location === page; }) && page in index.byLocation)
      items.push(item(index.byLocation[page], 0, words, {}));
  });
  return {items: Array.from(groups.values())};
}

function handle(message) {
  switch (message.type) {
    case 0:
      config = message.data.config;
      return Promise.resolve({type: 1});
    case 2:
      if (!queryWords(message.data).length) return Promise.resolve({type: 3, data: {items: []}});
      return load().then(function () { return {type: 3, data: search(message.data)}; });
    default:
      return Promise.reject(new TypeError("unknown search message " + message.type));
  }
}

var queue = Promise.resolve(), latest = 0;
self.addEventListener("message", function (event) {
  var number = ++latest;
  queue = queue
    .then(function () {  // a query typed over by a newer one is not answered
      return event.data.type === 2 && number !== latest ? null : handle(event.data);
    })
    .then(function (reply) { if (reply) self.postMessage(reply); })
    .catch(function (error) {
      console.warn("search: " + error);
      loading = null;  // a later query tries again
      self.postMessage({type: 3, data: {items: []}});
    });
});
