/* The facilitator's live panel: loads itself on the séance overview and
   reloads on every change (votes arrive at most a few times a second: the
   server folds them), without clobbering a menu being used. */
(function () {
  "use strict";
  var panel = document.getElementById("live-controls");
  if (!panel) return;
  var reload = window.abaqueCoalesce(async function () {
    if (panel.contains(document.activeElement) && document.activeElement.tagName === "SELECT") return;
    var response = await fetch(panel.dataset.panel, { credentials: "same-origin", cache: "no-store", headers: { "HX-Request": "true" } });
    if (response.ok) {
      panel.innerHTML = await response.text();
      if (window.htmx) window.htmx.process(panel);
    }
  });

  if (!panel.querySelector(".lc-grid")) reload();  // on the overview, the panel loads itself
  window.abaqueSocket(panel.dataset.socket, { open: reload, message: reload });
})();
