/* The facilitator's live panel: loads itself on the séance overview and
   reloads on every change (votes arrive at most a few times a second: the
   server folds them), without clobbering a menu being used. */
(function () {
  "use strict";
  var panel = document.getElementById("live-controls");
  if (!panel) return;
  var loading = false, again = false;

  async function reload() {
    if (loading) { again = true; return; }
    if (panel.contains(document.activeElement) && document.activeElement.tagName === "SELECT") return;
    loading = true;
    try {
      var response = await fetch(panel.dataset.panel, { credentials: "same-origin", cache: "no-store", headers: { "HX-Request": "true" } });
      if (response.ok) {
        panel.innerHTML = await response.text();
        if (window.htmx) window.htmx.process(panel);
      }
    } catch (e) { /* the socket reconnects and calls us again */ }
    loading = false;
    if (again) { again = false; reload(); }
  }

  window.abaqueSocket(panel.dataset.socket, { open: reload, message: reload });
})();
