/* The facilitator's vote grid follows the phones: when votes arrive, the
   page is fetched again and only the cells that changed (colour or source)
   are repainted, leaving alone a cell being saved from the keyboard. */
(function () {
  "use strict";
  var grid = document.getElementById("vote-grid");
  if (!grid || !grid.dataset.socket) return;

  var here = document.currentScript.src;

  function start() {
    var repaint = window.abaqueCoalesce(async function () {
      var response = await fetch(location.href, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) return;
      var fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("vote-grid");
      if (!fresh) return;
      fresh.querySelectorAll("tr[data-item] td.cell").forEach(function (cell) {
        var row = cell.parentElement.dataset.item;
        var mine = grid.querySelector('tr[data-item="' + row + '"] td.cell[data-participant="' + cell.dataset.participant + '"]');
        if (!mine || mine.classList.contains("saving")) return;
        if (mine.dataset.code === cell.dataset.code && mine.dataset.source === cell.dataset.source) return;
        var asked = mine.classList.contains("confirming");  // the grid is asking about this cell
        mine.className = cell.className + (asked ? " confirming" : "");
        mine.dataset.code = cell.dataset.code;
        mine.dataset.source = cell.dataset.source;  // a phone vote keeps its mark
        mine.innerHTML = cell.innerHTML;
        mine.setAttribute("aria-label", cell.getAttribute("aria-label"));
        if (cell.title) mine.title = cell.title; else mine.removeAttribute("title");
      });
    });

    window.abaqueSocket(grid.dataset.socket, {
      open: repaint,
      message: function (message) { if (message.kind === "progress") repaint(); }
    });
  }

  // One script tag on the grid page: the socket helper comes along by itself.
  if (window.abaqueSocket) { start(); return; }
  var helper = document.createElement("script");
  helper.src = here.replace("grid-live.js", "socket.js");
  helper.onload = start;
  document.head.appendChild(helper);
})();
