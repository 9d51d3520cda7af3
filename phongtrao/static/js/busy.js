// Long work (reading a scanned document, importing a file): say so, and do not let a
// second click send the file twice. Forms opt in with data-busy="message".
document.addEventListener("submit", function (event) {
  var form = event.target;
  var message = form.getAttribute("data-busy");
  if (!message) return;
  var button = form.querySelector("button[type=submit]");
  if (button) { button.disabled = true; button.textContent = message; }
  form.classList.add("busy");
});

// A plan's full text is folded on a phone (its actions come first) and open on a wider
// screen: <details data-open-wide>.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.matchMedia("(min-width: 48em)").matches) return;
  document.querySelectorAll("details[data-open-wide]").forEach(function (d) { d.open = true; });
});
