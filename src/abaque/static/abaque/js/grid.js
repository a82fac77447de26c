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
  const labelOf = Object.fromEntries(Object.values(levels).map((l) => [l.code, l.label]));
  const gettext = window.gettext || ((text) => text);  // the scripts' catalogue, when the page loads it
  const keyOf = Object.fromEntries(Object.entries(levels).map(([key, l]) => [l.code, key]));
  const mark = document.getElementById("phone-mark");
  let current = null;
  // A phone vote about to be replaced: { cell, code } until the facilitator
  // confirms (Entrée, or the same key again) or keeps it (Échap).
  let asking = null;

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
    if (asking && asking.cell !== cell) { stopAsking(); say(""); }
    if (current) current.tabIndex = -1;
    current = cell;
    cell.tabIndex = 0;
    cell.focus();
  }

  function paint(cell, code, source) {
    if (source === undefined) source = cell.dataset.source || "";
    cell.className = "cell " + (code ? "lv-" + code : "empty");
    cell.textContent = code ? symbols[code] : "·";
    cell.dataset.code = code;
    cell.dataset.source = code ? source : "";
    const phone = code && source === "phone";
    if (phone && mark) cell.appendChild(mark.content.firstElementChild.cloneNode(true));
    // Read aloud: the item, the participant, then the value (the symbol alone says little).
    const value = code ? labelOf[code] : gettext("case vide");
    const how = phone ? gettext("voté depuis son téléphone") : code ? gettext("carton saisi par l'animateur") : "";
    cell.setAttribute("aria-label", cell.dataset.label + " — " + value + (how ? " — " + how : ""));
    if (phone) cell.title = gettext("Voté depuis son téléphone"); else cell.removeAttribute("title");
  }

  function say(text, kind) {
    status.textContent = text;
    status.className = "grid-status" + (kind ? " " + kind : "");
  }

  function levelName(code) {
    const level = Object.values(levels).find((l) => l.code === code);
    if (!code) return gettext("une case vide");
    const symbol = interpolate(gettext("« %(symbol)s »"), { symbol: symbols[code] }, true);
    return level && level.label
      ? interpolate(gettext("%(symbol)s (%(label)s)"), { symbol, label: level.label }, true)
      : symbol;
  }

  // Typing over a phone vote: ask first, in words, and wait for a key.
  function ask(cell, code) {
    if (asking) asking.cell.classList.remove("confirming");
    asking = { cell, code };
    cell.classList.add("confirming");
    const who = cell.dataset.label.split(" — ").pop();
    const key = code ? keyOf[code] : gettext("Suppr");
    // French elides before a vowel: « d'Anne », « de Bruno »; two texts, so each language words it its way.
    const text = /^[aeiouyàâäéèêëîïôöùûü]/i.test(who)
      ? gettext("Cette case a été votée depuis le téléphone d'%(who)s : %(before)s. Appuyez sur Entrée (ou encore sur %(key)s) pour la remplacer par %(after)s, sur Échap pour garder le vote du téléphone.")
      : gettext("Cette case a été votée depuis le téléphone de %(who)s : %(before)s. Appuyez sur Entrée (ou encore sur %(key)s) pour la remplacer par %(after)s, sur Échap pour garder le vote du téléphone.");
    say(interpolate(text, { who, before: levelName(cell.dataset.code), key, after: levelName(code) }, true), "confirm");
  }
  function stopAsking() {
    if (asking) asking.cell.classList.remove("confirming");
    asking = null;
  }

  async function save(cell, code, confirmed) {
    const previous = cell.dataset.code, previousSource = cell.dataset.source || "";
    paint(cell, code, "grid");
    cell.classList.add("saving");
    const body = new FormData();
    body.append("item", cell.parentElement.dataset.item);
    body.append("participant", cell.dataset.participant);
    body.append("code", code);
    if (confirmed) body.append("confirm", "1");
    try {
      const response = await fetch(table.dataset.url, {
        method: "POST", body, headers: { "X-CSRFToken": csrfToken() }, credentials: "same-origin",
      });
      const data = await response.json();
      if (response.status === 409 && data.confirm) {
        // The phone voted after this page was drawn: show its vote and ask.
        paint(cell, data.code, "phone");
        focusCell(cell);
        ask(cell, code);
        return false;
      }
      if (!response.ok) throw new Error(data.error || interpolate(gettext("Erreur %(status)s"), { status: response.status }, true));
      paint(cell, data.code, data.source);
      say(confirmed ? gettext("Vote du téléphone remplacé : le téléphone affiche la nouvelle couleur.") : "");
      return true;
    } catch (error) {
      paint(cell, previous, previousSource);
      cell.classList.add("failed");
      say(interpolate(gettext("Case non enregistrée : %(reason)s. Réessayez."), { reason: error.message || gettext("connexion perdue") }, true), "error");
      return false;
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
    const cell = current;
    const next = () => (direction.value === "down" ? step(cell, 1, 0) : step(cell, 0, 1));
    const level = levels[event.key];
    const clear = event.key === "Delete" || event.key === "Backspace";
    if (asking && asking.cell === cell) {
      const code = clear ? "" : level ? level.code : null;
      if (event.key === "Enter" || (code !== null && code === asking.code)) {
        event.preventDefault();
        const wanted = asking.code;
        stopAsking();
        save(cell, wanted, true);
        if (wanted) focusCell(next());
        return;
      }
      if (event.key === "Escape") {
        event.preventDefault();
        stopAsking();
        say(gettext("Vote du téléphone gardé."));
        focusCell(next());
        return;
      }
    }
    if (!level && !clear) return;
    event.preventDefault();
    const code = clear ? "" : level.code;
    if (cell.dataset.source === "phone" && cell.dataset.code && cell.dataset.code !== code) {
      ask(cell, code);  // never over a phone vote without a second key
      return;
    }
    stopAsking();
    save(cell, code);
    if (!clear) focusCell(next());
  });

  focusCell(table.querySelector("td.cell.empty") || cellAt(0, 0));
})();
