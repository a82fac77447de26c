// The compte-rendu prepared in the background: the form starts the build,
// then its status is polled until the document is ready (no inline script:
// the Content-Security-Policy allows scripts from files only).
(() => {
  const form = document.querySelector("form.prepare");
  if (!form) return;
  const box = form.querySelector(".prepare-status");
  const bar = box.querySelector("progress");
  const text = box.querySelector(".prepare-text");
  const link = box.querySelector(".prepare-link");
  const button = form.querySelector("button[type=submit]");
  const POLL_MS = 400;
  // gettext and interpolate come from the page's JavaScript catalogue; the
  // seconds written as the page's language writes decimals (« 1,5 », "1.5").
  const language = document.documentElement.lang || "fr";
  const seconds = (value) => Number(value).toLocaleString(language);

  function show(status) {
    box.hidden = false;
    bar.value = status.percent;
    bar.textContent = `${status.percent} %`;
    if (status.state === "done") {
      text.textContent = interpolate(gettext("Prêt en %(seconds)s s"), { seconds: seconds(status.seconds) }, true);
      link.href = status.url;
      link.hidden = false;
      button.disabled = false;
    } else if (status.state === "failed") {
      text.textContent = status.error || gettext("La préparation a échoué.");
      button.disabled = false;
    } else {
      text.textContent = `${status.stage}… ${status.percent} %`;
      link.hidden = true;
      button.disabled = true;
    }
    return status.state === "running";
  }

  async function poll() {
    try {
      const response = await fetch(form.dataset.status, { headers: { Accept: "application/json" } });
      if (response.ok && show(await response.json())) setTimeout(poll, POLL_MS);
    } catch {
      setTimeout(poll, POLL_MS * 5); // the laptop's server restarting: try again
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    button.disabled = true;
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
    });
    if (response.ok && show(await response.json())) setTimeout(poll, POLL_MS);
  });

  // A build still running when the page was opened: follow it.
  if (box.dataset.state === "running") poll();
})();
