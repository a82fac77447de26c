// The results matrix: a cell carries only its colour and symbol (a title on
// each of the 400,000 cells of a 200 × 2,000 séance made the page 23 MB).
// Pointed at or focused, a cell shows « participant — level » as its title,
// read from its column header and the levels given beside the table.
(() => {
  const table = document.getElementById("results-matrix");
  const source = document.getElementById("cell-levels");
  if (!table || !source) return;
  const levels = JSON.parse(source.textContent);
  const header = table.tHead.rows[table.tHead.rows.length - 1];

  function explain(event) {
    const cell = event.target.closest ? event.target.closest("td.cell") : null;
    if (!cell || cell.title || !table.contains(cell)) return;
    const column = header.cells[cell.cellIndex];
    const code = [...cell.classList].find((name) => name.startsWith("lv-"));
    const level = levels[code ? code.slice(3) : ""] || levels[""];
    cell.title = column ? `${column.textContent.trim()} — ${level}` : level;
  }

  table.addEventListener("mouseover", explain);
  table.addEventListener("focusin", explain);
})();
