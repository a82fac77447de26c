/* The projector refetches its fragment on every change of the séance and
   updates the progress numbers in place when votes arrive. After each
   change, and on resize, it fits the type: nothing is ever cut off. */
(function () {
  "use strict";
  var root = document.getElementById("projector");
  var net = document.getElementById("net");
  var STEP = 0.94;  // each try is 6 % smaller than the one before

  function fits(box) {
    return box.scrollHeight <= box.clientHeight + 1 && box.scrollWidth <= box.clientWidth + 1;
  }

  /* The largest font size (from data-fit-max, in vw, down to data-fit-min,
     in CSS px) and the fewest columns (data-fit-cols) at which the box's
     content fits. False when even the smallest type overflows. */
  function fitBox(box) {
    var max = parseFloat(box.dataset.fitMax) * window.innerWidth / 100;
    var min = parseFloat(box.dataset.fitMin);
    var columns = (box.dataset.fitCols || "1").split(",").map(Number);
    for (var size = Math.max(max, min); ; size = Math.max(min, size * STEP)) {
      box.style.fontSize = size.toFixed(2) + "px";
      for (var i = 0; i < columns.length; i++) {
        box.style.setProperty("--cols", columns[i]);
        if (fits(box)) return true;
      }
      if (size <= min) {
        box.style.setProperty("--cols", columns[columns.length - 1]);
        return false;
      }
    }
  }

  /* A box fits comfortably when it fits at a size of at least its
     data-fit-dense (in vw), when it has one. */
  function comfortable(box) {
    var least = parseFloat(box.dataset.fitDense || "0") * window.innerWidth / 100;
    return fitBox(box) && parseFloat(box.style.fontSize) >= least;
  }

  function fitAll() {
    var boxes = function () { return Array.prototype.slice.call(root.querySelectorAll("[data-fit]")); };
    root.classList.remove("pj-dense");
    var ok = boxes().map(comfortable).every(Boolean);
    if (ok) return;
    // Too small or not fitting: a denser layout (the way in as a strip
    // above the items, one line per item in the matrix), then fit again.
    root.classList.add("pj-dense");
    boxes().forEach(fitBox);
  }
  window.abaqueFitProjector = fitAll;

  var refresh = window.abaqueCoalesce(async function () {
    var response = await fetch(root.dataset.fragment, { credentials: "same-origin", cache: "no-store" });
    if (response.ok) { root.innerHTML = await response.text(); fitAll(); }
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
    fitAll();
  }

  window.abaqueSocket(root.dataset.socket, {
    open: refresh,
    status: function (up) { net.classList.toggle("hidden", up); },
    message: function (message) {
      if (message.kind === "progress") progress(message); else refresh();
    }
  });

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(fitAll, 100);
  });
  fitAll();
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(fitAll);

  function fullscreen() {
    if (!document.fullscreenElement) document.documentElement.requestFullscreen().catch(function () {});
  }
  document.getElementById("fullscreen").addEventListener("click", fullscreen);
  document.addEventListener("keydown", function (e) { if (e.key === "f" || e.key === "F") fullscreen(); });
})();
