// Typing items live: Enter takes the text at once, empties the field and
// queues the item; the queue is sent one item at a time and only the list
// below is refreshed. The field is never replaced, so nothing typed while a
// save is under way is lost, and the chosen author stays as it is.
(() => {
  const form = document.getElementById("item-entry");
  if (!form) return;
  const input = form.querySelector("#id_text");
  const author = form.querySelector("select[name=author]");
  const validated = form.querySelector("input[name=validated]");
  const nextAuthor = form.querySelector("input[name=next_author]");
  const counter = document.getElementById("item-counter");
  const max = parseInt(form.dataset.max, 10);
  const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  const queue = [];
  let sending = false;

  // Spaces are tidied by the server the same way: the count is what is saved.
  const length = () => input.value.split(/\s+/).filter(Boolean).join(" ").length;

  function count() {
    const left = max - length();
    counter.classList.toggle("error", left < 0);
    counter.classList.toggle("muted", left >= 0);
    counter.textContent =
      left >= 0
        ? interpolate(ngettext("%(n)s caractère restant", "%(n)s caractères restants", left), { n: left }, true)
        : interpolate(
            ngettext(
              "%(n)s caractère de trop : raccourcissez l'item (%(max)s au plus)",
              "%(n)s caractères de trop : raccourcissez l'item (%(max)s au plus)",
              -left,
            ),
            { n: -left, max },
            true,
          );
  }

  function rotate() {
    // The next person around the table, as the server does without script.
    if (!author || !nextAuthor || !nextAuthor.checked || !author.value) return;
    const people = [...author.options].filter((o) => o.value);
    const at = people.findIndex((o) => o.value === author.value);
    if (at >= 0) author.value = people[(at + 1) % people.length].value;
  }

  function showList(html) {
    const holder = document.createElement("div");
    holder.innerHTML = html;
    const fresh = holder.querySelector("#items-list");
    const list = document.getElementById("items-list");
    if (fresh && list) {
      list.replaceWith(fresh);
      if (window.htmx) window.htmx.process(fresh);
    }
  }

  function giveBack(entry) {
    if (!input.value.trim()) {
      input.value = entry.get("text");
      count();
    }
  }

  async function send() {
    if (sending || !queue.length) return;
    sending = true;
    const entry = queue[0];
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: entry,
        headers: { "HX-Request": "true", "X-CSRFToken": token },
        credentials: "same-origin",
      });
      queue.shift();
      showList(await response.text());
      if (!response.ok) giveBack(entry);
    } catch (error) {
      // The network dropped: the item stays first in the queue and is sent again.
      counter.textContent = gettext("Connexion perdue : l'item sera enregistré dès son retour.");
      sending = false;
      setTimeout(send, 1500);
      return;
    }
    sending = false;
    send();
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!length()) return;
    if (length() > max) {
      count();
      input.focus();
      return;
    }
    const entry = new FormData(form);
    queue.push(entry);
    input.value = "";
    if (validated) validated.checked = false;
    rotate();
    count();
    input.focus();
    send();
  });
  input.addEventListener("input", count);
  count();
})();
