// ReferralFinder: progressive enhancement only; the page works without it (the form posts and the server renders).
// - Quick exit replaces this page in the history, so Back does not return to it.
// - "Use my location" fills the hidden coordinates (the browser asks first); they are sent only with the search.
// - A search updates the results in place, in their live region, so screen readers announce them.
"use strict";
(function () {
  var exit = document.getElementById("quick-exit");
  if (exit) {
    exit.addEventListener("click", function (event) {
      event.preventDefault();
      window.location.replace(exit.href);
    });
  }

  var locate = document.getElementById("use-location");
  var status = document.getElementById("location-status");
  if (locate && navigator.geolocation) {
    locate.hidden = false;
    locate.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        document.getElementById("latitude").value = position.coords.latitude.toFixed(4);
        document.getElementById("longitude").value = position.coords.longitude.toFixed(4);
        status.textContent = locate.getAttribute("data-found");
      }, function () {
        status.textContent = locate.getAttribute("data-unavailable");
      }, { maximumAge: 600000, timeout: 15000 });
    });
  }

  var form = document.getElementById("search");
  var results = document.getElementById("results");
  if (!form || !results || !window.fetch || !window.DOMParser) {
    return;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var body = new URLSearchParams(new FormData(form));
    fetch(form.action, { method: "POST", body: body, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { return response.text(); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("results");
        if (!fresh) { return; }
        // Field errors: the same attributes and messages as a full page load.
        ["zip", "age"].forEach(function (id) {
          var now = document.getElementById(id), then = page.getElementById(id);
          if (!now || !then) { return; }
          now.setAttribute("aria-describedby", then.getAttribute("aria-describedby") || "");
          if (then.hasAttribute("aria-invalid")) { now.setAttribute("aria-invalid", "true"); } else { now.removeAttribute("aria-invalid"); }
          var oldError = document.getElementById(id + "-error"), newError = page.getElementById(id + "-error");
          if (oldError) { oldError.remove(); }
          if (newError) { now.parentNode.insertBefore(document.importNode(newError, true), now); }
        });
        var oldNeeds = document.getElementById("needs-error"), newNeeds = page.getElementById("needs-error");
        var needs = document.getElementById("needs");
        if (oldNeeds) { oldNeeds.remove(); needs.removeAttribute("aria-describedby"); }
        if (newNeeds) { needs.querySelector("legend").after(document.importNode(newNeeds, true)); needs.setAttribute("aria-describedby", "needs-error"); }
        results.innerHTML = fresh.innerHTML;
        results.setAttribute("data-loaded", "true");
      })
      .catch(function () { form.submit(); });
  });
})();
