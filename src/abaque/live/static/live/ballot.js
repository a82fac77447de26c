/* The phone ballot. Its texts come from the séance's catalogue (gettext,
   interpolate: the javascript_catalogue script loaded before this one). A vote is shown « envoyé ✓ » only after the server's
   200; until then it waits in a queue in localStorage (one entry per round
   and item, the latest code wins) and is sent again when the network
   returns, so a vote made in a dead spot of the hall is never lost. */
(function () {
  "use strict";
  var root = document.getElementById("ballot");
  var state = JSON.parse(document.getElementById("ballot-state").textContent);
  var levels = JSON.parse(document.getElementById("ballot-levels").textContent);
  var voting = document.getElementById("voting");
  var waiting = document.getElementById("waiting");
  var notice = document.getElementById("notice");
  var net = document.getElementById("net");
  var QUEUE_KEY = "abaque:queue:" + root.dataset.token;
  var RETRY_EVERY = 4000;
  // After the ballot moved on by itself, a tap still on its way (a slow
  // double tap) must not vote the item that just slid under the finger.
  var SETTLE_MS = 600;
  var current = 0, sending = false, refused = {}, dead = false;
  var settledAt = 0, finished = false;  // finished: the end screen is shown
  var reviewing = false;  // the voter tapped a number while the results are projected

  /* ---- the local queue of votes not yet acknowledged ---- */
  // Kept in memory, written through to localStorage so that a reload or a
  // dead battery loses nothing (private browsing may refuse the storage).
  var memoryQueue = (function () {
    try { return JSON.parse(localStorage.getItem(QUEUE_KEY)) || {}; } catch (e) { return {}; }
  })();
  function pending() { return memoryQueue; }
  function saveQueue(q) {
    memoryQueue = q;
    try { localStorage.setItem(QUEUE_KEY, JSON.stringify(q)); } catch (e) { /* memory only */ }
  }
  function keyOf(item) { return state.round + ":" + item; }

  function enqueue(item, code) {
    var q = pending();
    q[keyOf(item)] = code;
    saveQueue(q);
  }
  function dequeue(key, code) {
    var q = pending();
    if (q[key] === code) { delete q[key]; saveQueue(q); }  // a newer choice stays queued
  }

  /* ---- what an item shows: the pending choice, else the stored vote ---- */
  function shownCode(item) {
    var q = pending(), key = keyOf(item);
    return key in q ? q[key] : (state.votes[String(item)] || "");
  }
  function itemState(item) {
    if (refused[keyOf(item)]) return "refused";
    if (keyOf(item) in pending()) return "pending";
    return state.votes[String(item)] ? "sent" : "empty";
  }
  var STATUS_TEXT = { sent: gettext("envoyé ✓"), pending: gettext("en attente d'envoi…"), empty: gettext("pas encore voté") };
  var CHANGED_TEXT = gettext("modifié par l'animateur");
  function format(text, values) { return interpolate(text, values, true); }
  // The stored vote was typed in the facilitator's grid (no choice of ours
  // is waiting to replace it): the phone says so, not only shows the colour.
  function changedByFacilitator(item) {
    return itemState(item) === "sent" && (state.changed_by_facilitator || []).indexOf(item) !== -1;
  }

  function levelOf(code) {
    for (var i = 0; i < levels.length; i++) if (levels[i].code === code) return levels[i];
    return null;
  }
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs) node.setAttribute(name, attrs[name]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* ---- rendering ---- */
  // Drawing replaces the ballot's buttons: the keyboard focus (and a screen
  // reader's place) is carried over to the same button, or to the new item's
  // text when the ballot moved on, never dropped on the page's body.
  function render() {
    var focused = document.activeElement, before = drawn();
    var kept = focused && focused !== voting && voting.contains(focused) ? focusOf(focused) : null;
    draw();
    if (kept !== null) restoreFocus(kept, before === drawn());
  }
  function drawn() {  // which item's card is on screen, if any
    var card = voting.querySelector(".card");
    return card ? card.dataset.item : "";
  }
  function focusOf(node) {
    if (node.classList.contains("level")) return "button.level[data-code='" + node.dataset.code + "']";
    if (node.classList.contains("dot")) return ".overview li:nth-child(" + (Array.prototype.indexOf.call(node.parentNode.parentNode.children, node.parentNode) + 1) + ") .dot";
    if (node.classList.contains("prev")) return "button.step.prev";
    if (node.classList.contains("next")) return "button.step.next";
    return node.classList.contains("review") ? "button.review" : "";
  }
  function restoreFocus(selector, sameItem) {
    var same = sameItem && selector ? voting.querySelector(selector) : null;
    if (same && !same.disabled) { same.focus(); return; }
    var text = voting.querySelector(".card .item-text");
    var target = text || voting.querySelector("button:not([disabled])") || voting;
    if (!target.hasAttribute("tabindex") && target.tagName !== "BUTTON") target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function draw() {
    var open = state.status === "open", closed = state.status === "closed";
    waiting.classList.toggle("hidden", open || closed);
    voting.classList.toggle("hidden", !(open || closed));
    if (dead) return;
    if (!(open || closed)) { waitingItems(); return; }
    if (!state.items.length) { voting.replaceChildren(el("p", { "class": "waiting-text" }, gettext("Aucun item dans ce tour."))); return; }
    current = Math.max(0, Math.min(current, state.items.length - 1));
    if (finished && open) { voting.replaceChildren(banner(closed), endScreen(), overview()); return; }
    if (closed && state.revealed && !reviewing) { voting.replaceChildren(banner(closed), watchScreen(), overview()); return; }
    voting.replaceChildren(banner(closed), card(state.items[current], closed), stepper(), overview());
  }

  function waitingItems() {  // the items appear on the phone as the facilitator types them
    var list = document.getElementById("waiting-items");
    list.replaceChildren.apply(list, state.items.length
      ? state.items.map(function (item) { return el("li", {}, item.text); })
      : [el("li", { "class": "muted" }, gettext("Aucun pour l'instant."))]);
  }

  function banner(closed) {
    var done = state.items.filter(function (it) { return shownCode(it.id); }).length;
    var node = el("div", { "class": "ballot-head" + (closed ? " closed" : "") });
    node.appendChild(el("p", { "class": "closed-text" }, closed ? gettext("Le vote est clos") : format(gettext("Tour %(n)s"), { n: state.round })));
    node.appendChild(el("p", { "class": "count" }, format(gettext("%(done)s / %(total)s votés"), { done: done, total: state.items.length })));
    return node;
  }

  function card(item, closed) {
    var node = el("article", { "class": "card", "data-item": item.id });
    node.appendChild(el("p", { "class": "position" }, format(gettext("Item %(n)s sur %(total)s"), { n: current + 1, total: state.items.length })));
    node.appendChild(el("p", { "class": "item-text" }, item.text));
    var choices = el("div", { "class": "levels", role: "group", "aria-label": gettext("Votre couleur") });
    var chosen = shownCode(item.id);
    levels.forEach(function (level) {
      var button = el("button", { type: "button", "class": "level lv-" + level.code, "data-code": level.code,
                                  "aria-pressed": String(chosen === level.code) });
      button.appendChild(el("span", { "class": "symbol", "aria-hidden": "true" }, level.symbol));
      button.appendChild(el("span", { "class": "label" }, level.label));
      button.disabled = closed;
      button.addEventListener("click", function () { choose(item.id, level.code); });
      choices.appendChild(button);
    });
    node.appendChild(choices);
    var status = itemState(item.id);
    var changed = changedByFacilitator(item.id);
    node.appendChild(el("p", { "class": "vote-status " + status + (changed ? " changed" : ""), role: "status" },
                        status === "refused" ? refused[keyOf(item.id)] : changed ? CHANGED_TEXT : STATUS_TEXT[status]));
    swipe(node);
    return node;
  }

  function endScreen() {
    var node = el("section", { "class": "end-screen", role: "status" });
    node.appendChild(el("p", { "class": "end-text" }, gettext("Merci, vous avez voté sur tous les items")));
    node.appendChild(el("p", { "class": "end-hint" }, gettext("Vous pouvez encore changer d'avis tant que le vote est ouvert.")));
    var review = el("button", { type: "button", "class": "big-button review" }, gettext("Revoir et modifier mes votes"));
    review.addEventListener("click", function () {
      if (!settling()) go(0);
    });
    node.appendChild(review);
    changedNote(node);
    return node;
  }

  // While the results are projected: nothing left to do on the phone.
  function watchScreen() {
    var node = el("section", { "class": "watch-screen", role: "status" });
    node.appendChild(el("p", { "class": "watch-text" }, gettext("Regardez l'écran")));
    node.appendChild(el("p", { "class": "watch-hint" }, gettext("Les résultats du vote sont projetés. Touchez un numéro pour revoir votre vote.")));
    changedNote(node);
    return node;
  }

  function changedNote(node) {
    var numbers = [];
    state.items.forEach(function (item, index) { if (changedByFacilitator(item.id)) numbers.push(String(index + 1)); });
    if (!numbers.length) return;
    node.appendChild(el("p", { "class": "changed-note" }, numbers.length === 1
      ? format(gettext("Votre vote sur l'item %(n)s a été modifié par l'animateur."), { n: numbers[0] })
      : format(gettext("Vos votes sur les items %(list)s et %(last)s ont été modifiés par l'animateur."),
               { list: numbers.slice(0, -1).join(", "), last: numbers[numbers.length - 1] })));
  }

  function stepper() {
    var nav = el("nav", { "class": "stepper" });
    var prev = el("button", { type: "button", "class": "step prev" }, gettext("← Précédent"));
    var next = el("button", { type: "button", "class": "step next" }, gettext("Suivant →"));
    prev.disabled = current === 0;
    next.disabled = current === state.items.length - 1;
    prev.addEventListener("click", function () { go(current - 1); });
    next.addEventListener("click", function () { go(current + 1); });
    nav.append(prev, next);
    return nav;
  }

  function overview() {
    var list = el("ol", { "class": "overview", "aria-label": gettext("Vue d'ensemble : touchez un numéro pour y aller") });
    state.items.forEach(function (item, index) {
      var code = shownCode(item.id), status = itemState(item.id), level = levelOf(code);
      var changed = changedByFacilitator(item.id);
      var dot = el("button", { type: "button", "class": "dot " + status + (code ? " lv-" + code : "") + (changed ? " changed" : ""),
                               "data-state": status, "aria-current": String(index === current),
                               title: item.text + " — " + (level ? level.label : STATUS_TEXT.empty) + (changed ? " (" + CHANGED_TEXT + ")" : "") });
      // The number, and the symbol under it: the overview reads without colours.
      dot.append(el("span", { "class": "n" }, String(index + 1)),
                 el("span", { "class": "sym", "aria-hidden": "true" }, level ? level.symbol : ""));
      dot.addEventListener("click", function () { go(index); });
      var li = el("li");
      li.appendChild(dot);
      list.appendChild(li);
    });
    return list;
  }

  // A navigation the voter chose: the item under the finger is the one they
  // asked for, so no settling delay.
  function go(index) {
    settledAt = 0;
    finished = false;
    reviewing = true;
    slide(index);
  }
  function slide(index) {
    current = index;
    render();
    showTop();
  }
  // Bring the top of the ballot (the offline notice, the banner, then the
  // card) into view when it is scrolled away, at once: nothing sits over
  // the card, and a smooth scroll would move the buttons under the finger.
  function showTop() {
    if (root.getBoundingClientRect().top < 0) root.scrollIntoView({ block: "start" });
  }

  function swipe(node) {
    var x0 = null, y0 = null;
    node.addEventListener("touchstart", function (e) { x0 = e.touches[0].clientX; y0 = e.touches[0].clientY; }, { passive: true });
    node.addEventListener("touchend", function (e) {
      if (x0 === null) return;
      var dx = e.changedTouches[0].clientX - x0, dy = e.changedTouches[0].clientY - y0;
      x0 = null;
      if (Math.abs(dx) > 60 && Math.abs(dx) > 1.5 * Math.abs(dy)) {
        var target = current + (dx < 0 ? 1 : -1);
        if (target >= 0 && target < state.items.length) go(target);
      }
    });
  }

  /* ---- voting and sending ---- */
  function choose(item, code) {
    if (state.status !== "open" || settling()) return;
    var first = !shownCode(item);
    delete refused[keyOf(item)];
    enqueue(item, code);
    render();
    flush();
    // A first vote moves on to the next item left, as quick as paper cards.
    // data-advancing says so while it waits: the layout is about to change.
    if (first) {
      voting.dataset.advancing = "1";
      setTimeout(function () {
        if (state.items[current] && state.items[current].id === item) nextLeft();
        delete voting.dataset.advancing;
      }, 350);
    }
  }

  function nextLeft() {
    settledAt = Date.now();
    for (var i = 1; i <= state.items.length; i++) {
      var index = (current + i) % state.items.length;
      if (!shownCode(state.items[index].id)) { slide(index); return; }
    }
    finished = true;  // every item has a colour
    render();
  }
  function settling() { return Date.now() - settledAt < SETTLE_MS; }

  // Where a (re)loaded ballot opens: the first item not yet voted, or the
  // end screen when they all are.
  function resume() {
    for (var i = 0; i < state.items.length; i++) {
      if (!shownCode(state.items[i].id)) { current = i; finished = false; return; }
    }
    current = 0;
    finished = state.items.length > 0;
  }

  function post(key, code) {
    var parts = key.split(":");
    return fetch(root.dataset.voteUrl, {
      method: "POST", credentials: "same-origin", cache: "no-store",
      headers: { "Content-Type": "application/json", "X-CSRFToken": root.dataset.csrf },
      body: JSON.stringify({ round: Number(parts[0]), item: Number(parts[1]), code: code })
    });
  }

  async function flush() {
    if (sending || dead) return;
    sending = true;
    var stale = false;
    try {
      var keys;
      while ((keys = Object.keys(pending())).length) {
        var key = keys[0], code = pending()[key], response;
        try { response = await post(key, code); } catch (e) { online(false); break; }
        online(true);
        if (response.ok) {
          acknowledged(key, code, await response.json());
        } else if (response.status >= 500 || response.status === 403 || response.status === 429) {
          // Kept in the queue: the server is struggling, the page is too old
          // for its CSRF token and a reload sends the vote again, or this
          // address sent too many votes and the next try sends it.
          if (response.status === 403) show(gettext("Session expirée : rechargez la page, vos votes en attente partiront."));
          if (response.status === 429) show((await response.json().catch(function () { return {}; })).error || "");
          break;
        } else {
          var body = await response.json().catch(function () { return {}; });
          refused[key] = body.error || format(gettext("Vote refusé (%(status)s) : rechargez la page."), { status: response.status });
          show(refused[key]);
          dequeue(key, code);
          if (response.status === 404) { linkDead(); break; }
          stale = true;  // a round closed under our feet: fetch the state again
        }
        render();
      }
    } finally {
      sending = false;
      render();
    }
    if (stale) refetch();
  }

  function acknowledged(key, code, data) {
    if (data.round === state.round) {
      if (data.code) state.votes[String(data.item)] = data.code; else delete state.votes[String(data.item)];
    }
    dequeue(key, code);
    notice.classList.add("hidden");  // an older refusal stays on its own item
  }

  /* ---- the server's state: on load of the socket, and on every change ---- */
  async function refetch() {
    var response;
    try { response = await fetch(root.dataset.stateUrl, { credentials: "same-origin", cache: "no-store" }); }
    catch (e) { online(false); return; }
    if (response.status === 404) { linkDead(); return; }
    if (!response.ok) return;
    var fresh = await response.json();
    var newRound = fresh.round !== state.round, moved = fresh.status !== state.status || fresh.revealed !== state.revealed;
    state = fresh;
    if (newRound) resume();
    if (moved) reviewing = false;  // closed, or the results projected: show what is new
    online(true);
    render();
    if (moved) showTop();
    flush();
  }

  function linkDead() {
    dead = true;
    voting.classList.add("hidden");
    waiting.classList.add("hidden");
    show(gettext("Ce lien de vote n'est plus valable : l'animateur a libéré ce nom. Rejoignez la séance à nouveau."));
  }
  function show(message) {
    notice.textContent = message;
    notice.classList.remove("hidden");
  }
  function online(up) {
    net.classList.toggle("hidden", up);
    net.textContent = up ? "" : gettext("Hors connexion : vos votes seront envoyés dès le retour du réseau.");
  }

  // Back on the network: the notice goes (a failed send shows it again).
  window.addEventListener("online", function () { online(true); flush(); });
  window.addEventListener("offline", function () { online(false); });
  setInterval(function () { if (Object.keys(pending()).length) flush(); }, RETRY_EVERY);
  window.abaqueSocket(root.dataset.socket, {
    open: refetch,
    message: function (message) { if (message.kind === "refresh") refetch(); }
  });
  resume();
  render();
  flush();
})();
