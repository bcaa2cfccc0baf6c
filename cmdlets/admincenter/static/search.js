// Search as you type on the Users page: after a short pause the list is
// fetched from the same URL the Search button would load and swapped in.
// Without JavaScript the form and its button do the same.
(function () {
  "use strict";
  var form = document.getElementById("user-search");
  if (!form || !window.fetch || !window.DOMParser) { return; }
  var input = form.querySelector("input[name=q]");
  var timer = 0, seq = 0;
  function run() {
    var url = new URL(form.action, window.location.href);
    new FormData(form).forEach(function (v, k) {
      if (String(v).trim() !== "") { url.searchParams.set(k, v); }
    });
    var mine = ++seq;
    fetch(url, { credentials: "same-origin" }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (html === null || mine !== seq) { return; }
      var doc = new DOMParser().parseFromString(html, "text/html");
      var fresh = doc.getElementById("user-list"), old = document.getElementById("user-list");
      if (fresh && old) {
        old.replaceWith(document.importNode(fresh, true));
        window.history.replaceState(null, "", url);
      }
    }).catch(function () {});
  }
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 200);
  });
})();
