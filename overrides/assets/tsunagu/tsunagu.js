// tsunagu: quick exit, one history entry for the whole site, and the share button.
// Quick exit: The button is a plain link that works without JavaScript; with it, the page
// is blanked first and the history entry replaced, so "Back" does not return here. Shift pressed
// three times does the same (GOV.UK's pattern; Escape is avoided because it stops page loads).
(function () {
  "use strict";
  var link = document.querySelector("[data-tg-exit]");
  if (!link) return;
  var target = link.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    document.title = "";
    document.documentElement.style.backgroundColor = "#fff";
    document.body.style.visibility = "hidden";
    window.location.replace(target);
  }

  link.addEventListener("click", leave);

  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 1500; });
    presses.push(now);
    if (presses.length >= 3) leave(null);
  });
})();

// One history entry for the whole site: a link to another page of this site (or to an anchor on this
// page) replaces the current entry instead of adding one. After a quick exit, "Back" then goes to
// wherever the visitor was before this site, never to a page of it. The cost: Back no longer steps
// between pages of this site (the menu and the crisis strip are on every page). Links that open
// elsewhere (new tab, download, another site, modifier keys) keep the browser's own behaviour.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 ||
        event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var a = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!a || a.hasAttribute("download") || a.hasAttribute("data-tg-exit")) return;
    var frame = a.getAttribute("target");
    if (frame && frame !== "_self") return;
    var url = new URL(a.href, location.href);
    if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return;
    event.preventDefault();
    window.location.replace(url.href);
  });
})();

// Home buttons in Chinese: a line may break between words, never inside one (Chinese has no spaces,
// and CSS alone would break between any two characters). Korean and Japanese are handled in CSS.
(function () {
  "use strict";
  if (!(window.Intl && Intl.Segmenter)) return;
  document.querySelectorAll(".tg-action:lang(zh)").forEach(function (action) {
    var segmenter = new Intl.Segmenter("zh", { granularity: "word" });
    var walker = document.createTreeWalker(action, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var parts = document.createDocumentFragment();
      Array.from(segmenter.segment(node.data)).forEach(function (s) {
        if (s.isWordLike && s.segment.length > 1) {
          var word = document.createElement("span");
          word.className = "tg-word";
          word.textContent = s.segment;
          parts.appendChild(word);
        } else {
          parts.appendChild(document.createTextNode(s.segment));
        }
      });
      node.parentNode.replaceChild(parts, node);
    });
  });
})();

// Share: the phone's share sheet (Web Share API) where there is one, else copy the link; if copying is
// not allowed either, show the address to copy by hand. Shares the canonical address, nothing added.
(function () {
  "use strict";
  var box = document.querySelector("[data-tg-share]");
  if (!box) return;
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  var url = box.getAttribute("data-url");
  var canShare = typeof navigator.share === "function";
  if (!canShare) button.textContent = box.getAttribute("data-copy");
  box.hidden = false;

  function manual() {
    status.textContent = box.getAttribute("data-manual") + " " + url;
  }

  button.addEventListener("click", function () {
    status.textContent = "";
    if (canShare) {
      navigator.share({ title: box.getAttribute("data-title"), url: url }).catch(function () {});
    } else if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(function () {
        status.textContent = box.getAttribute("data-copied");
      }, manual);
    } else {
      manual();
    }
  });
})();

// Offline after the first visit: register the site's service worker (sw.js at the site root), then ask
// it to keep this language's essential pages, unless the visitor asked the browser to save data.
(function () {
  "use strict";
  var marker = document.querySelector("[data-tg-sw]");
  if (!marker || !("serviceWorker" in navigator)) return;
  var url = new URL(marker.getAttribute("data-tg-sw"), location.href);
  function warm(worker) {
    var connection = navigator.connection;
    if (worker && !(connection && connection.saveData)) worker.postMessage("warm");
  }
  // After a rebuild a new worker takes over with an empty cache: it gets the essentials again.
  navigator.serviceWorker.addEventListener("controllerchange", function () {
    warm(navigator.serviceWorker.controller);
  });
  navigator.serviceWorker.register(url.href, { updateViaCache: "none" }).then(function () {
    return navigator.serviceWorker.ready;
  }).then(function (registration) {
    warm(registration.active);
  }).catch(function () { /* offline use is a bonus: the page works the same without it */ });
})();
