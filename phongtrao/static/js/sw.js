// phongtrao's own service worker (no framework), served at /sw.js so that it covers the
// whole site.
//  - Pages (and the htmx fragments they ask for) come from the network when there is one,
//    and are kept; without a line the kept copy is shown, or a page saying so.
//  - Static files are named by their content: kept, and taken from the cache first.
//  - A form sent without a line (a registration, attendance, a duty's progress, a
//    contribution) is kept on the phone with a key of its own and sent again when the
//    line returns; the server answers a second copy with the first answer
//    (Idempotency-Key), so a resend after a lost answer never makes a duplicate. What
//    the server refuses (the commune decided in the meantime) stays, marked, for the
//    village to see.
//  - Push: show what the server sent; a tap opens its page.
var VERSION = "3";
var PAGES = "phongtrao-pages-" + VERSION;
var FILES = "phongtrao-files-" + VERSION;
var NOT_QUEUED = /^\/(login|logout|i18n|admin|me\/tokens)\b/;
var titles = {};  // page URL → its title, told by the page when a form is sent

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(PAGES).then(function (cache) {
    return cache.addAll(["/offline/", "/offline/saved/"]);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k.indexOf("phongtrao-") === 0 && k.slice(-VERSION.length - 1) !== "-" + VERSION; })
      .map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

function keptKey(request) {
  // an htmx fragment and the full page may share a URL: kept apart
  if (!request.headers.get("HX-Request")) return request.url;
  return request.url + (request.url.indexOf("?") < 0 ? "?" : "&") + "_fragment=1";
}

function networkFirst(request) {
  var key = keptKey(request);
  return fetch(request).then(function (response) {
    if (response.ok && response.type === "basic") {
      var copy = response.clone();
      caches.open(PAGES).then(function (cache) { cache.put(key, copy); });
    }
    return response;
  }).catch(function () {
    return caches.match(key).then(function (kept) {
      return kept || (request.mode === "navigate" ? caches.match("/offline/") : Response.error());
    });
  });
}

function cacheFirst(request) {
  return caches.match(request).then(function (kept) {
    return kept || fetch(request).then(function (response) {
      if (response.ok) {
        var copy = response.clone();
        caches.open(FILES).then(function (cache) { cache.put(request, copy); });
      }
      return response;
    });
  });
}

// The outbox: IndexedDB, one record per form kept.
function outbox(mode, work) {
  return new Promise(function (resolve, reject) {
    var opening = indexedDB.open("phongtrao", 1);
    opening.onupgradeneeded = function () { opening.result.createObjectStore("outbox", {keyPath: "key"}); };
    opening.onerror = function () { reject(opening.error); };
    opening.onsuccess = function () {
      var tx = opening.result.transaction("outbox", mode);
      var result = work(tx.objectStore("outbox"));
      tx.oncomplete = function () { resolve(result && result.result !== undefined ? result.result : result); };
      tx.onerror = function () { reject(tx.error); };
    };
  });
}

function newKey() {
  var bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
}

function post(item) {
  return fetch(item.url, {
    method: "POST",
    body: item.body,
    headers: {"Content-Type": item.type, "Idempotency-Key": item.key},
    credentials: "same-origin",
    redirect: "manual"
  });
}

function tellPages(message) {
  return self.clients.matchAll({type: "window"}).then(function (pages) {
    pages.forEach(function (page) { page.postMessage(message); });
  });
}

function sendOrKeep(request) {
  return request.clone().arrayBuffer().then(function (body) {
    var item = {
      key: newKey(), url: request.url, type: request.headers.get("Content-Type") || "", body: body,
      from: request.referrer, title: titles[request.referrer] || "", created: Date.now(), state: "waiting"
    };
    return post(item).catch(function () {
      return outbox("readwrite", function (store) { store.put(item); })
        .then(function () { return tellPages({outbox: true}); })
        .then(function () { return caches.match("/offline/saved/"); });
    });
  });
}

var replaying = null;
function replay() {
  if (replaying) return replaying;
  replaying = outbox("readonly", function (store) { return store.getAll(); }).then(function (items) {
    var waiting = items.filter(function (item) { return item.state === "waiting"; });
    return waiting.reduce(function (previous, item) {
      return previous.then(function () {
        return post(item).then(function (response) {
          if (response.type === "opaqueredirect" || (response.status >= 200 && response.status < 300 && response.headers.get("Idempotent-Replayed"))) {
            return outbox("readwrite", function (store) { store.delete(item.key); });
          }
          if (response.status >= 500) return null;  // the server's trouble: try again later
          item.state = response.status === 409 ? "conflict" : "refused";
          item.status = response.status;
          return outbox("readwrite", function (store) { store.put(item); });
        });
      });
    }, Promise.resolve());
  }).catch(function () { return null; })  // still no line
    .then(function () { replaying = null; return tellPages({outbox: true}); });
  return replaying;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === "POST" && request.mode === "navigate" && !NOT_QUEUED.test(url.pathname)) {
    event.respondWith(sendOrKeep(request));
  } else if (request.method !== "GET" || url.pathname === "/sw.js") {
    return;
  } else if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(cacheFirst(request));
  } else if (request.mode === "navigate" || request.headers.get("HX-Request")) {
    event.respondWith(networkFirst(request));
  }
});

self.addEventListener("message", function (event) {
  var data = event.data || {};
  if (data.title) titles[data.page] = data.title;
  if (data.replay) event.waitUntil(replay());
  if (data.keep) {  // the pages "Việc của tôi" leads to, kept for a day without a line
    event.waitUntil(caches.open(PAGES).then(function (cache) {
      return Promise.all(data.keep.map(function (path) {
        return fetch(path, {credentials: "same-origin"}).then(function (response) {
          if (response.ok) return cache.put(new URL(path, self.location.origin).href, response);
        }).catch(function () { return null; });
      }));
    }));
  }
  if (data.forget) event.waitUntil(caches.delete(PAGES));  // logging out of a shared phone
});

self.addEventListener("sync", function (event) {
  if (event.tag === "outbox") event.waitUntil(replay());
});

self.addEventListener("push", function (event) {
  var data = {};
  try { data = event.data ? event.data.json() : {}; } catch (e) { data = {title: event.data.text()}; }
  event.waitUntil(self.registration.showNotification(data.title || "phongtrao", {
    body: data.body || "", data: {url: data.url || "/my-work/"}, icon: "/static/icon-192.png", lang: "vi"
  }));
});

self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  event.waitUntil(clients.openWindow(event.notification.data.url));
});
