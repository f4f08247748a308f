// tsunagu service worker: the site keeps working offline after the first visit.
// The build writes the lines above this comment (VERSION, CORE, PAGES, FALLBACK); a rebuild changes
// VERSION, so the browser installs this worker again and the old cache is deleted.
// What it stores is the site's own static files, the same for every visitor: only GET requests to
// this site, never a URL with a query string, never anything a visitor typed or chose.
"use strict";
var CACHE = "tsunagu-" + VERSION;
var SCOPE = new URL(self.registration.scope);

function abs(path) { return new URL(path, SCOPE).href; }

function cacheable(request) {
  if (request.method !== "GET") return false;
  var url = new URL(request.url);
  return url.origin === SCOPE.origin && url.pathname.indexOf(SCOPE.pathname) === 0 && !url.search && !url.hash;
}

// Pages and data are fetched first and the cache used only offline, so after a rebuild a visitor
// online never sees an old phone number. Other files (CSS, scripts, Pyodide) are served from the
// cache of this version: a rebuild makes a new cache.
function isDocument(request) {
  return request.mode === "navigate" || /\/$|\.(html|json|csv|xml|txt)$/.test(new URL(request.url).pathname);
}

function languageOf(url) {
  var path = new URL(url).pathname.slice(SCOPE.pathname.length);
  return Object.keys(PAGES).filter(function (p) { return p && path.indexOf(p) === 0; })[0] || "";
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE)
    .then(function (cache) { return cache.addAll(CORE.map(abs)); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys()
    .then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf("tsunagu-") === 0 && k !== CACHE; })
        .map(function (k) { return caches.delete(k); }));
    })
    .then(function () { return self.clients.claim(); }));
});

// A page asks for its language's essential pages once it is shown (tsunagu.js), unless the visitor
// asked the browser to save data.
// A page may ask twice (on load and when this worker takes over): one fetch per page all the same.
var warming = {};
self.addEventListener("message", function (event) {
  if (event.data !== "warm" || !event.source) return;
  var lang = languageOf(event.source.url);
  warming[lang] = warming[lang] || caches.open(CACHE).then(function (cache) {
    return Promise.all((PAGES[lang] || []).map(function (path) {
      var url = abs(path);
      return cache.match(url).then(function (hit) { return hit || cache.add(url).catch(function () {}); });
    }));
  }).then(function () { delete warming[lang]; });
  event.waitUntil(warming[lang]);
});

self.addEventListener("fetch", function (event) {
  if (!cacheable(event.request)) return;
  event.respondWith(isDocument(event.request) ? networkFirst(event.request) : cacheFirst(event.request));
});

function store(cache, url, response) {
  if (response.status === 200 && response.type === "basic") return cache.put(url, response.clone());
  return Promise.resolve();
}

function networkFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return fetch(request).then(function (response) {
      store(cache, request.url, response).catch(function () {});
      return response;
    }, function () {
      return cache.match(request.url).then(function (hit) {
        if (hit || request.mode !== "navigate") return hit || Response.error();
        // Offline on a page not yet seen: the crisis lines of the visitor's language instead of an error.
        var fallback = abs(FALLBACK[languageOf(request.url)] || "");
        return cache.match(fallback).then(function (page) {
          return page ? notSaved(page, fallback) : Response.error();
        });
      });
    });
  });
}

// The talk-now page, shown at the address that was asked for: a <base> keeps its links, styles and
// scripts pointing where they belong (the address asked for may be deeper or shallower), and its
// hidden line "You are offline; this page was not saved…" (in the page's language) is shown.
function notSaved(response, base) {
  return response.text().then(function (html) {
    html = html.replace(/<head[^>]*>/i, function (head) { return head + '<base href="' + base + '">'; })
      .replace(" data-tg-offline-note hidden", " data-tg-offline-note");
    var headers = new Headers(response.headers);
    headers.delete("Content-Encoding");
    headers.delete("Content-Length");
    return new Response(html, { status: 200, headers: headers });
  });
}

function cacheFirst(request) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(request.url).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        return store(cache, request.url, response).catch(function () {}).then(function () { return response; });
      });
    });
  });
}
