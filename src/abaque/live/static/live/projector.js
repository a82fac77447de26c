/* The projector refetches its fragment on every change of the séance and
   updates the progress numbers in place when votes arrive. */
(function () {
  "use strict";
  var root = document.getElementById("projector");
  var net = document.getElementById("net");
  var refresh = window.abaqueCoalesce(async function () {
    var response = await fetch(root.dataset.fragment, { credentials: "same-origin", cache: "no-store" });
    if (response.ok) root.innerHTML = await response.text();
  });

  function progress(message) {
    var box = root.querySelector(".pj-progress");
    if (!box) return;
    if (box.dataset.round !== String(message.round)) { refresh(); return; }
    box.querySelector('[data-progress="finished"]').textContent = message.finished;
    box.querySelector('[data-progress="participants"]').textContent = message.participants;
    var names = box.querySelector('[data-progress="names"]');
    names.replaceChildren.apply(names, message.names.map(function (name) {
      var li = document.createElement("li");
      li.textContent = name;
      return li;
    }));
  }

  window.abaqueSocket(root.dataset.socket, {
    open: refresh,
    status: function (up) { net.classList.toggle("hidden", up); },
    message: function (message) {
      if (message.kind === "progress") progress(message); else refresh();
    }
  });

  function fullscreen() {
    if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch(function () {});
  }
  document.getElementById("fullscreen").addEventListener("click", fullscreen);
  document.addEventListener("keydown", function (e) { if (e.key === "f" || e.key === "F") fullscreen(); });
})();
