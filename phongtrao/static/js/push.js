// Web Push on this device: the site's own service worker receives the pushes; the
// subscription (an address at the browser's push service) is kept by the server.
(function () {
  var box = document.getElementById("push");
  if (!box) return;
  var status = box.querySelector("[data-push-status]");
  var csrf = JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRFToken"];
  function say(text) { status.textContent = text; }
  function msg(name) { return box.getAttribute("data-msg-" + name); }  // translated by the page
  if (!("serviceWorker" in navigator) || !("PushManager" in window)) {
    say(msg("unsupported"));
    return;
  }
  function key(base64) {
    var padded = (base64 + "===".slice((base64.length + 3) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    var raw = atob(padded), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }
  function send(method, body) {
    return fetch(box.getAttribute("data-api"), {
      method: method, credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": csrf},
      body: JSON.stringify(body)
    });
  }
  box.querySelector("[data-push=on]").addEventListener("click", function () {
    Notification.requestPermission().then(function (permission) {
      if (permission !== "granted") { say(msg("denied")); return; }
      navigator.serviceWorker.register("/sw.js").then(function () { return navigator.serviceWorker.ready; })
        .then(function (reg) {
          return reg.pushManager.subscribe({userVisibleOnly: true, applicationServerKey: key(box.getAttribute("data-key"))});
        })
        .then(function (sub) { return send("POST", sub.toJSON()); })
        .then(function (r) { say(r.ok ? msg("on") : msg("failed")); })
        .catch(function () { say(msg("failed")); });
    });
  });
  box.querySelector("[data-push=off]").addEventListener("click", function () {
    navigator.serviceWorker.getRegistration("/").then(function (reg) {
      return reg && reg.pushManager.getSubscription();
    }).then(function (sub) {
      if (!sub) { say(msg("none")); return; }
      return send("DELETE", {endpoint: sub.endpoint}).then(function () { return sub.unsubscribe(); })
        .then(function () { say(msg("off")); });
    });
  });
})();
