// tsunagu places: "next session" computed on the phone (the page may be read days after it was built),
// and the listing's filters (ward, age, day). No request is made: everything is in #tg-places-data.
// Without JavaScript every place is listed with its schedule in words. nextSession is the twin of
// tsunagu/places/schedule.py, tested from tests/data/schedule-cases.json.
(function (root) {
  "use strict";
  var WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var HORIZON_DAYS = 62;

  function minutes(hhmm) {
    var p = hhmm.split(":");
    return parseInt(p[0], 10) * 60 + parseInt(p[1], 10);
  }

  function isoOf(d) {  // d: a Date used as a calendar day in UTC
    return d.toISOString().slice(0, 10);
  }

  function sessionsOn(schedule, d) {
    var iso = isoOf(d);
    if ((schedule.closed || []).indexOf(iso) >= 0) return [];
    var weekday = WEEKDAYS[(d.getUTCDay() + 6) % 7];
    var found = [];
    (schedule.weekly || []).forEach(function (w) {
      if (w[0].indexOf(weekday) >= 0) found.push([w[1], w[2]]);
    });
    var day = d.getUTCDate();
    var last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    var week = Math.floor((day - 1) / 7) + 1;
    var isLast = day + 7 > last;
    (schedule.monthly || []).forEach(function (m) {
      if (m[1] === weekday && (m[0].indexOf(week) >= 0 || (isLast && m[0].indexOf(-1) >= 0))) found.push([m[2], m[3]]);
    });
    (schedule.dates || []).forEach(function (x) {
      if (x[0] === iso) found.push([x[1], x[2]]);
    });
    return found.sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : (a[1] < b[1] ? -1 : 1); });
  }

  // The first session not over at `minute` of Japan day `iso`: [date, opens, closes], or null.
  function nextSession(schedule, iso, minute) {
    var p = iso.split("-");
    var start = Date.UTC(+p[0], +p[1] - 1, +p[2]);
    for (var offset = 0; offset <= HORIZON_DAYS; offset++) {
      var d = new Date(start + offset * 86400000);
      var list = sessionsOn(schedule, d);
      for (var i = 0; i < list.length; i++) {
        if (offset || minutes(list[i][1]) > minute) return [isoOf(d), list[i][0], list[i][1]];
      }
    }
    return null;
  }

  // Japan has one time zone and no daylight saving: UTC+9, whatever the phone's own zone.
  function japanNow(date) {
    var t = new Date(date.getTime() + 9 * 3600000);
    return { iso: isoOf(t), minute: t.getUTCHours() * 60 + t.getUTCMinutes() };
  }

  function ageFits(ages, band) {
    if (!band) return true;
    var b = band.split("-");
    var low = ages[0] === null ? 0 : ages[0], high = ages[1] === null ? 120 : ages[1];
    return low <= +b[1] && high >= +b[0];
  }

  function fits(place, choice, whole) {
    return (!choice.area || place.area === choice.area || place.area === whole) &&
      ageFits(place.ages, choice.age) && (!choice.day || place.days.indexOf(choice.day) >= 0);
  }

  function words(data, next) {
    var p = next[0].split("-");
    var weekday = WEEKDAYS[(new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])).getUTCDay() + 6) % 7];
    return data.next.replace("{date}", data.date.replace("{m}", +p[1]).replace("{d}", +p[2]))
      .replace("{day}", data.days[weekday]).replace("{opens}", next[1]).replace("{closes}", next[2]);
  }

  function paint(doc, now, data) {
    var t = japanNow(now);
    Array.prototype.forEach.call(doc.querySelectorAll("[data-tg-next]"), function (el) {
      var place = data.places[el.getAttribute("data-tg-next")];
      if (!place || !place.schedule) return;  // unconfirmed: no date is promised
      var next = nextSession(place.schedule, t.iso, t.minute);
      el.textContent = next ? words(data, next) : data.none;
      el.hidden = false;
    });
  }

  function filter(doc, data) {
    var form = doc.getElementById("tg-places-filter");
    if (!form) return;
    var count = doc.getElementById("tg-places-count");
    function apply() {
      var choice = { area: form.elements.area.value, age: form.elements.age.value, day: form.elements.day.value };
      var shown = 0;
      Array.prototype.forEach.call(doc.querySelectorAll("[data-tg-place]"), function (el) {
        var ok = fits(data.places[el.getAttribute("data-tg-place")], choice, data.whole);
        el.hidden = !ok;
        if (ok) shown++;
      });
      count.textContent = shown ? data.count.replace("{n}", shown) : data.nomatch;
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    form.hidden = false;
    apply();
  }

  var api = { nextSession: nextSession, sessionsOn: sessionsOn, japanNow: japanNow, fits: fits };
  if (typeof module === "object" && module.exports) module.exports = api;
  root.tsunaguPlaces = api;
  if (typeof document === "undefined") return;
  var el = document.getElementById("tg-places-data");
  if (!el) return;
  var data = JSON.parse(el.textContent);
  paint(document, new Date(), data);
  filter(document, data);
})(this);
