// The vote grid: the facilitator types the colour cards of the room with the
// keyboard. Each cell is saved at once; a failed save is shown and undone.
(function () {
  "use strict";
  const table = document.getElementById("vote-grid");
  if (!table) return;
  const levels = JSON.parse(document.getElementById("grid-levels").textContent);
  const status = document.getElementById("grid-status");
  const direction = document.getElementById("grid-direction");
  const readonly = table.dataset.readonly === "1";
  const rows = Array.from(table.tBodies[0].rows);
  const cellAt = (r, c) => rows[r] && rows[r].cells[c + 1];
  const symbols = Object.fromEntries(Object.values(levels).map((l) => [l.code, l.symbol]));
  let current = null;

  function csrfToken() {
    const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  function position(cell) {
    const row = cell.parentElement;
    return [rows.indexOf(row), cell.cellIndex - 1];
  }

  function focusCell(cell) {
    if (!cell || !cell.classList.contains("cell")) return;
    if (current) current.tabIndex = -1;
    current = cell;
    cell.tabIndex = 0;
    cell.focus();
  }

  function paint(cell, code) {
    cell.className = "cell " + (code ? "lv-" + code : "empty");
    cell.textContent = code ? symbols[code] : "·";
    cell.dataset.code = code;
  }

  async function save(cell, code) {
    const previous = cell.dataset.code;
    paint(cell, code);
    cell.classList.add("saving");
    const body = new FormData();
    body.append("item", cell.parentElement.dataset.item);
    body.append("participant", cell.dataset.participant);
    body.append("code", code);
    try {
      const response = await fetch(table.dataset.url, {
        method: "POST", body, headers: { "X-CSRFToken": csrfToken() }, credentials: "same-origin",
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.error || "Erreur " + response.status);
      paint(cell, data.code);
      status.textContent = "";
    } catch (error) {
      paint(cell, previous);
      cell.classList.add("failed");
      status.textContent = "Case non enregistrée : " + (error.message || "connexion perdue") + ". Réessayez.";
      status.classList.add("error");
    }
  }

  function step(cell, dr, dc) {
    let [r, c] = position(cell);
    const width = rows[0].cells.length - 1;
    c += dc; r += dr;
    if (c >= width) { c = 0; r += 1; }
    if (c < 0) { c = width - 1; r -= 1; }
    r = Math.max(0, Math.min(rows.length - 1, r));
    return cellAt(r, c) || cell;
  }

  table.addEventListener("click", (event) => {
    const cell = event.target.closest("td.cell");
    if (cell) focusCell(cell);
  });

  table.addEventListener("keydown", (event) => {
    if (!current) return;
    const moves = { ArrowRight: [0, 1], ArrowLeft: [0, -1], ArrowDown: [1, 0], ArrowUp: [-1, 0] };
    if (moves[event.key]) {
      event.preventDefault();
      focusCell(step(current, ...moves[event.key]));
      return;
    }
    if (readonly) return;
    const level = levels[event.key];
    const clear = event.key === "Delete" || event.key === "Backspace";
    if (!level && !clear) return;
    event.preventDefault();
    const cell = current;
    save(cell, clear ? "" : level.code);
    if (!clear) focusCell(direction.value === "down" ? step(cell, 1, 0) : step(cell, 0, 1));
  });

  focusCell(table.querySelector("td.cell.empty") || cellAt(0, 0));
})();
