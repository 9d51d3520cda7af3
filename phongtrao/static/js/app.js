// The signed-in pages' side of the offline work (see /sw.js): install the service worker,
// send what waits on the phone when the line returns, keep the pages "Việc của tôi" leads
// to, show the outbox, and shrink photos before they leave the phone.
(function () {
  if (!("serviceWorker" in navigator)) return;
  navigator.serviceWorker.register("/sw.js");

  function worker() {
    return navigator.serviceWorker.ready.then(function (reg) { return reg.active; });
  }
  function replay() {
    worker().then(function (sw) { sw.postMessage({replay: true}); });
    navigator.serviceWorker.ready.then(function (reg) {
      if (reg.sync) reg.sync.register("outbox").catch(function () {});
    });
  }
  window.addEventListener("online", replay);
  document.addEventListener("DOMContentLoaded", function () {
    replay();
    var links = Array.prototype.map.call(document.querySelectorAll(".work-items a[href]"), function (a) {
      return a.getAttribute("href");
    });
    if (links.length) worker().then(function (sw) { sw.postMessage({keep: links}); });
    showOutbox();
  });

  // Which page a kept form came from, for the outbox's list.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.method.toLowerCase() !== "post") return;
    if (/\/logout\/$/.test(new URL(form.action, location.href).pathname)) {
      worker().then(function (sw) { sw.postMessage({forget: true}); });
      return;
    }
    var heading = document.querySelector("main h1");
    worker().then(function (sw) {
      sw.postMessage({page: location.href, title: heading ? heading.textContent.trim() : document.title});
    });
  }, true);

  navigator.serviceWorker.addEventListener("message", function (event) {
    if (event.data && event.data.outbox) showOutbox();
  });

  function showOutbox() {
    var box = document.getElementById("outbox");
    if (!box || !window.indexedDB) return;
    var opening = indexedDB.open("phongtrao", 1);
    opening.onupgradeneeded = function () { opening.result.createObjectStore("outbox", {keyPath: "key"}); };
    opening.onsuccess = function () {
      var all = opening.result.transaction("outbox", "readonly").objectStore("outbox").getAll();
      all.onsuccess = function () {
        var items = all.result, list = box.querySelector("ul");
        list.textContent = "";
        items.forEach(function (item) {
          var li = document.createElement("li"), link = document.createElement("a");
          link.href = item.from || item.url;
          link.textContent = item.title || item.url;
          li.appendChild(link);
          li.appendChild(document.createTextNode(" — " + box.getAttribute("data-" + item.state)));
          if (item.state !== "waiting") li.className = "late";
          list.appendChild(li);
        });
        box.hidden = items.length === 0;
        box.setAttribute("data-count", items.length);
      };
    };
  }

  // Photos leave the phone at most 1600 px wide or high, as JPEG: a 4 MB picture from a
  // phone's camera goes out as about 300 KB, and waits in the outbox as that.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "file" || !input.files.length || !window.DataTransfer) return;
    var files = Array.prototype.slice.call(input.files);
    Promise.all(files.map(shrink)).then(function (shrunk) {
      var transfer = new DataTransfer();
      shrunk.forEach(function (file) { transfer.items.add(file); });
      input.files = transfer.files;
    });
  });

  function shrink(file) {
    if (!/^image\/(jpeg|png|webp)$/.test(file.type)) return Promise.resolve(file);
    return createImageBitmap(file).then(function (image) {
      var scale = Math.min(1, 1600 / Math.max(image.width, image.height));
      if (scale === 1 && file.size < 1024 * 1024) return file;
      var canvas = document.createElement("canvas");
      canvas.width = Math.round(image.width * scale);
      canvas.height = Math.round(image.height * scale);
      canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
      return new Promise(function (resolve) {
        canvas.toBlob(function (blob) {
          resolve(new File([blob], file.name.replace(/\.\w+$/, "") + ".jpg", {type: "image/jpeg"}));
        }, "image/jpeg", 0.85);
      });
    }).catch(function () { return file; });
  }
})();
