// tsunagu self-check page. The form works before this runs (points on every option, result pages per
// total). With it, Pyodide starts in a worker as soon as the page opens, and the result appears on the
// page. Answered before Pyodide is ready (or without WebAssembly or workers, or if it fails), the total is
// added up here and the result page's content for it (embedded in this page as a <template>: no request
// after answering) is shown at once; when Pyodide becomes ready, the full result replaces it, from the same
// answers. Nothing is sent or stored: no request carries an answer, the URL never changes, no cookie or
// storage is written.
(function () {
  "use strict";
  // Furigana notation as in tsunagu/ruby.py: ｜base《reading》, or a run of kanji (the same ranges) then 《reading》.
  var RUBY = /｜([^｜《》\n]+)《([^《》\n]+)》|([\u3005\u3006\u30f6\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)《([^《》\n]+)》/g;

  // The rules shared with Python (furigana: tsunagu/ruby.py; answers and score groups: selfcheck/): node runs
  // them against the same tables as pytest (tests/data/ruby-cases.json, selfcheck-cases.json).
  if (typeof module === "object" && module.exports) {
    module.exports = { ruby: ruby, plain: plain, missing: missing, total: total, groupFor: groupFor,
                       leadsWithUrgent: leadsWithUrgent };
  }
  if (typeof document === "undefined") return;
  var form = document.getElementById("tg-selfcheck");
  var dataEl = document.getElementById("tg-selfcheck-data");
  if (!form || !dataEl) return;
  var config = JSON.parse(dataEl.textContent);
  // The worker resolves URLs against its own address: hand it absolute ones.
  ["worker", "pyodide", "selfcheck", "stdlib"].forEach(function (key) { config[key] = new URL(config[key], location.href).href; });
  var bundle = config.bundle, t = bundle.texts;
  var status = document.getElementById("tg-sc-status");
  var error = document.getElementById("tg-sc-error");
  var result = document.getElementById("tg-sc-result");
  var submit = document.getElementById("tg-sc-submit");
  var READY_TIMEOUT = 20000;
  var worker = null, ready = false, failed = false, pending = null, nextId = 1;

  function japanNow() {
    var d = new Date(Date.now() + 9 * 3600 * 1000);
    return d.toISOString().slice(0, 16);
  }

  function setStatus(text) { status.textContent = plain(text); status.hidden = !text; }

  function startWorker() {
    if (!window.Worker || typeof WebAssembly !== "object" || !window.DecompressionStream) { failed = true; return; }
    try {
      worker = new Worker(config.worker, { type: "module" });
    } catch (e) { failed = true; return; }
    setStatus(t.preparing);
    var timer = setTimeout(function () { if (!ready) fail(); }, READY_TIMEOUT);
    worker.onmessage = function (event) {
      var msg = event.data;
      if (msg.type === "ready") {
        ready = true; clearTimeout(timer); setStatus(t.ready);
        form.dataset.engine = "pyodide"; form.dataset.readyMs = msg.ms; form.dataset.wasmMemory = msg.memory;
        form.dataset.phases = JSON.stringify(msg.phases || {});  // read by the benchmark only
        if (pending) send(pending);  // a paper result is showing: replace it with the full one
      }
      else if (msg.type === "result" && pending && msg.id === pending.id) {
        var p = pending; pending = null;
        var upgrade = result.dataset.engine === "paper" && !result.hidden;
        p.done(msg.result, upgrade);
        if (upgrade) setStatus(t.ready);
      }
      else if (msg.type === "error") { if (window.console) console.warn("self-check engine:", msg.message); fail(); }
    };
    worker.onerror = fail;
    worker.postMessage({ type: "init", pyodide: config.pyodide, selfcheck: config.selfcheck, stdlib: config.stdlib,
                         lock: config.lock,
                         bundle: bundle });
  }

  function fail() {
    failed = true;
    setStatus("");
    if (worker) { worker.terminate(); worker = null; }
    // A paper result already showing stays (it just will not be replaced); otherwise show one now.
    var p = pending; pending = null;
    if (p && result.dataset.engine !== "paper") renderFallback(p.answers, false);
  }

  function send(request) {
    worker.postMessage({ type: "evaluate", id: request.id, answers: request.answers, now: japanNow() });
  }

  function answers() {
    var a = { items: {}, topics: [], methods: [] };
    bundle.scale.items.forEach(function (item) {
      var checked = form.querySelector('input[name="' + item.id + '"]:checked');
      if (checked) a.items[item.id] = Number(checked.value);
    });
    var direct = form.querySelector('input[name="direct"]:checked');
    a.direct = direct ? direct.value : null;
    ["age", "language", "area"].forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value) a[name] = field.value;
    });
    ["topics", "methods"].forEach(function (name) {
      form.querySelectorAll('input[name="' + name + '"]:checked').forEach(function (box) { a[name].push(box.value); });
    });
    return a;
  }

  // Question numbers (1-based) without a valid answer: an item needs one of the scale's scores, the direct
  // question one of its options (selfcheck.scoring.item_scores and direct_option).
  function missing(bundle, a) {
    var scores = bundle.scale.options.map(function (o) { return o.score; });
    var ids = bundle.direct.options.map(function (o) { return o.id; });
    var out = [];
    bundle.scale.items.forEach(function (item, i) {
      if (scores.indexOf((a.items || {})[item.id]) < 0) out.push(i + 1);
    });
    if (ids.indexOf(a.direct) < 0) out.push(bundle.scale.items.length + 1);
    return out;
  }

  function total(bundle, a) {
    return bundle.scale.items.reduce(function (sum, item) { return sum + a.items[item.id]; }, 0);
  }

  // The one group whose [min, max] holds the total; null if none or several (selfcheck.scoring.group_for).
  function groupFor(bundle, score) {
    var found = bundle.scale.groups.filter(function (g) { return g.min <= score && score <= g.max; });
    return found.length === 1 ? found[0] : null;
  }

  function showMissing(numbers) {
    var names = numbers.map(function (n) { return t.question_n.replace("{n}", n); }).join(", ");
    error.textContent = plain(t.missing.replace("{questions}", names));
    error.hidden = false;
    var first = document.getElementById("tg-q" + numbers[0]);
    error.focus();
    if (first) first.scrollIntoView({ block: "center" });
  }

  // Text with furigana notation as plain text (status and error lines are plain text): ruby.strip.
  function plain(text) { return text.replace(RUBY, function (m, a, b, c) { return a || c; }); }

  function el(tag, cls, html) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html !== undefined) e.innerHTML = html;  // build-time HTML from this site's own data
    return e;
  }

  // A text as HTML, furigana as <ruby> (fragments.text).
  function ruby(text) {
    var escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    return escaped.replace(RUBY, function (m, a, b, c, d) {
      return "<ruby>" + (a || c) + "<rt>" + (b || d) + "</rt></ruby>";
    });
  }

  function list(ids) {
    var ul = el("ul", "tg-entries");
    ids.forEach(function (entry) {
      var s = bundle.services[entry.id];
      // Each line with its own state (opening.js paints it once the result is on the page).
      var li = el("li", "tg-entry", '<a class="tg-entry__name" href="' + s.page + '">' + s.name_html + "</a>" +
                  s.lines_html);
      li.setAttribute("data-tg-service", entry.id);
      ul.appendChild(li);
    });
    return ul;
  }

  // The paragraph for someone thinking of dying or hurt, the lines open 24 hours, then any other crisis line.
  function urgentSection(r, level) {
    var section = el("div", "tg-sc-urgent");
    section.appendChild(el("h" + level, "", ruby(t.crisis)));
    section.appendChild(el("p", "tg-sc-urgent__text", ruby(r.texts.urgent)));
    var shown = r.urgent.map(function (e) { return e.id; });
    section.appendChild(list(r.urgent.concat(r.crisis.filter(function (e) { return shown.indexOf(e.id) < 0; }))));
    return section;
  }

  // Ticked "thoughts of dying": the result starts with the 24-hour lines, whatever the score.
  function leadsWithUrgent(bundle, a) { return (a.topics || []).indexOf(bundle.urgent_topic) >= 0; }

  function render(r, quiet) {
    result.innerHTML = "";
    if (r.urgent_first) result.appendChild(urgentSection(r, 2));
    result.appendChild(el("h2", "tg-sc-score", ruby(r.texts.score)));
    ["group", "message", "national_same", "national_lonely", "feeling_vs_situation", "not_diagnosis"]
      .forEach(function (key) { if (r.texts[key]) result.appendChild(el("p", "tg-sc-" + key, ruby(r.texts[key]))); });
    if (!r.urgent_first) result.appendChild(urgentSection(r, 3));
    [["youth", t.youth], ["matches", t.matches], ["places", t.places]].forEach(function (part) {
      if (r[part[0]] && r[part[0]].length) {
        result.appendChild(el("h3", "tg-sc-h-" + part[0], ruby(part[1])));
        result.appendChild(list(r[part[0]]));
      }
    });
    result.appendChild(el("p", "tg-sc-note", ruby(t.computed_here)));
    actions();
    result.dataset.engine = "pyodide";
    show(quiet);
    result.dataset.shownAt = performance.now();
  }

  // The same heading at another level.
  function retitle(heading, tag) { return el(tag, heading.className, heading.innerHTML); }

  // The paper result: the total, and the result page's content for it (from the <template> built with it).
  function renderFallback(a, upgrading) {
    var score = total(bundle, a);
    var group = groupFor(bundle, score);
    result.innerHTML = "";
    result.appendChild(el("h2", "tg-sc-score", ruby(t.your_score.replace("{score}", score))));
    var template = document.getElementById("tg-sc-paper-" + group.id);
    if (template) {
      var body = template.content.cloneNode(true);
      body.querySelectorAll("h2").forEach(function (h) { h.parentNode.replaceChild(retitle(h, "h3"), h); });
      result.appendChild(body);
    }
    var urgent = result.querySelector(".tg-sc-urgent");
    if (urgent && leadsWithUrgent(bundle, a)) {
      var heading = urgent.querySelector("h3");
      urgent.replaceChild(retitle(heading, "h2"), heading);
      result.insertBefore(urgent, result.firstChild);
    }
    var label = group.min === group.max ? t.result_for_one : t.result_for;
    var p = el("p", "tg-sc-fallback-link");
    var link = el("a", "", ruby(label.replace("{min}", group.min).replace("{max}", group.max)));
    link.href = config.results[group.id];
    p.appendChild(link);
    result.appendChild(p);
    actions();
    result.dataset.engine = "paper";
    setStatus(upgrading ? t.paper_result : "");
    show();
  }

  function actions() {
    var row = el("p", "tg-sc-actions");
    var print = el("button", "md-button", ruby(t.print));
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    var again = el("button", "md-button", ruby(t.again));
    again.type = "button";
    again.addEventListener("click", function () {
      pending = null;
      delete result.dataset.engine;
      if (ready) setStatus(t.ready);
      form.reset();
      result.innerHTML = "";
      result.hidden = true;
      error.hidden = true;
      form.scrollIntoView();
      var first = form.querySelector("input");
      if (first) first.focus();
    });
    row.appendChild(print);
    row.appendChild(again);
    result.appendChild(row);
  }

  function show(quiet) {
    // Every line in the result shows its own state, as everywhere on the site (opening.js).
    var opening = window.tsunaguOpening, hours = opening && opening.pageData();
    if (hours) opening.paint(result, new Date(), hours);
    result.hidden = false;
    if (!quiet) result.focus();  // quiet: the full result replacing a paper one does not move focus again
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    form.dataset.submittedAt = performance.now();
    error.hidden = true;
    var a = answers();
    var gaps = missing(bundle, a);
    if (gaps.length) { showMissing(gaps); return; }
    if (failed || !worker) { renderFallback(a, false); return; }
    var request = { id: nextId++, answers: a, done: render };
    pending = request;
    if (ready) send(request);
    else renderFallback(a, true);  // at once; the "ready" message sends this request
  });

  submit.hidden = false;
  startWorker();
})();
