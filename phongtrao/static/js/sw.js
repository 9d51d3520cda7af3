// phongtrao's own service worker (no framework). Served at /sw.js so that it covers the
// whole site. Push: show what the server sent; a tap opens its page.
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
