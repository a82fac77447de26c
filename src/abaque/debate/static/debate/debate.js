/* The debate page: notes saved as they are typed and kept in this browser
   until the server has them; audio recorded from the laptop's microphone.
   Its texts come from the page's javascript_catalogue (gettext, interpolate). */
(function () {
  "use strict";

  function csrfToken() {
    const input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function post(url, fields) {
    const body = fields instanceof FormData ? fields : new FormData();
    if (!(fields instanceof FormData)) Object.entries(fields || {}).forEach(([k, v]) => body.append(k, v));
    return fetch(url, { method: "POST", body, credentials: "same-origin", headers: { "X-CSRFToken": csrfToken() } });
  }

  /* ---- Notes ---------------------------------------------------------- */
  const NOTE_STATES = {
    saved: gettext("enregistré ✓"),
    saving: gettext("enregistrement…"),
    offline: gettext("hors ligne, sera enregistré"),
    error: gettext("non enregistré, nouvel essai bientôt (le texte est gardé ici)"),
  };
  const PAUSE_MS = 1000;
  const RETRY_MS = 5000;

  function setupNotes(section) {
    const area = section.querySelector("textarea");
    const state = document.getElementById("note-state");
    const key = section.dataset.key;
    const url = section.dataset.url;
    let timer = null;
    let sending = false;
    let again = false;

    function show(name) { state.dataset.state = name; state.textContent = NOTE_STATES[name]; }
    function unsaved() {
      try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
    }
    function keep() {
      try { localStorage.setItem(key, JSON.stringify({ text: area.value, at: Date.now() })); } catch (e) { /* storage full: the server copy still goes */ }
    }

    async function send() {
      clearTimeout(timer);
      if (sending) { again = true; return; }
      sending = true;
      show("saving");
      const text = area.value;
      try {
        const response = await post(url, { text });
        if (!response.ok) throw new Error(String(response.status));
        const copy = unsaved();
        if (copy && copy.text === text) localStorage.removeItem(key);
        if (area.value === text) show("saved"); else again = true;
      } catch (e) {
        show(navigator.onLine === false || e instanceof TypeError ? "offline" : "error");
        timer = setTimeout(send, RETRY_MS);
      } finally {
        sending = false;
        if (again) { again = false; send(); }
      }
    }

    // A copy typed here but never acknowledged (reload, lost connection) wins
    // over the server's text when it is more recent.
    const copy = unsaved();
    if (copy && copy.text !== area.value && copy.at > Number(section.dataset.serverAt || 0)) {
      area.value = copy.text;
      send();
    } else if (copy) {
      localStorage.removeItem(key);
    }

    area.addEventListener("input", function () {
      keep();
      show("saving");
      clearTimeout(timer);
      timer = setTimeout(send, PAUSE_MS);
    });
    area.addEventListener("blur", function () { if (unsaved()) send(); });
    window.addEventListener("online", function () { if (unsaved()) send(); });
    window.addEventListener("pagehide", function () {
      if (!unsaved()) return;
      const body = new FormData();
      body.append("text", area.value);
      body.append("csrfmiddlewaretoken", csrfToken());
      navigator.sendBeacon(url, body);
    });
  }

  /* ---- Recorder -------------------------------------------------------- */
  const PREFERRED_TYPES = ["audio/webm;codecs=opus", "audio/ogg;codecs=opus", "audio/mp4", "audio/webm"];

  function clock(seconds) {
    const s = Math.floor(seconds);
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
    const mm = h ? String(m).padStart(2, "0") : String(m);
    return (h ? h + ":" : "") + mm + ":" + String(r).padStart(2, "0");
  }

  function setupRecorder(section) {
    const startButton = document.getElementById("rec-start");
    const stopButton = document.getElementById("rec-stop");
    const time = document.getElementById("rec-time");
    const status = document.getElementById("rec-status");
    const list = document.getElementById("rec-list");
    const uploadUrl = section.dataset.uploadUrl;
    const stateUrl = section.dataset.stateUrl;
    let recorder = null, stream = null, chunks = [], startedAt = 0, ticker = null;

    if (!navigator.mediaDevices || !window.MediaRecorder) {
      startButton.disabled = true;
      status.textContent = gettext("Ce navigateur ne sait pas enregistrer le son : prenez des notes, ou ouvrez la page dans Firefox ou Chromium.");
      return null;
    }

    function recording(on) {
      startButton.disabled = on;
      stopButton.disabled = !on;
      section.classList.toggle("recording", on);
    }

    async function start() {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ audio: true });
      } catch (e) {
        status.textContent = interpolate(gettext("Micro inaccessible : autorisez-le dans le navigateur, puis réessayez (%(error)s)."), { error: e.name }, true);
        return;
      }
      const type = PREFERRED_TYPES.find((t) => MediaRecorder.isTypeSupported(t));
      recorder = new MediaRecorder(stream, type ? { mimeType: type } : undefined);
      chunks = [];
      recorder.addEventListener("dataavailable", (e) => { if (e.data.size) chunks.push(e.data); });
      recorder.start(1000); // one chunk a second: a crash loses little
      startedAt = performance.now();
      ticker = setInterval(() => { time.textContent = clock((performance.now() - startedAt) / 1000); }, 250);
      recording(true);
      status.textContent = gettext("Enregistrement en cours : l'écran projeté l'affiche.");
      post(stateUrl, { action: "start" }).catch(() => {});
    }

    async function finish() {
      if (!recorder) return;
      const stopped = new Promise((resolve) => recorder.addEventListener("stop", resolve, { once: true }));
      recorder.stop();
      await stopped;
      stream.getTracks().forEach((track) => track.stop());
      clearInterval(ticker);
      const seconds = (performance.now() - startedAt) / 1000;
      const blob = new Blob(chunks, { type: recorder.mimeType || "audio/webm" });
      recorder = null;
      recording(false);
      post(stateUrl, { action: "stop" }).catch(() => {});
      await upload(blob, seconds);
    }

    async function upload(blob, seconds) {
      status.textContent = interpolate(gettext("Envoi de l'enregistrement (%(duration)s)…"), { duration: clock(seconds) }, true);
      const body = new FormData();
      body.append("file", blob, "debat" + (blob.type.includes("ogg") ? ".ogg" : blob.type.includes("mp4") ? ".m4a" : ".webm"));
      body.append("duration", seconds.toFixed(1));
      try {
        const response = await post(uploadUrl, body);
        if (!response.ok) {
          const data = await response.json().catch(() => ({}));
          throw new Error(data.error || interpolate(gettext("erreur %(status)s"), { status: response.status }, true));
        }
        status.textContent = interpolate(gettext("Enregistrement gardé ✓ (%(duration)s)."), { duration: clock(seconds) }, true);
        const fresh = await fetch(uploadUrl, { credentials: "same-origin" });
        if (fresh.ok) list.innerHTML = await fresh.text();
      } catch (e) {
        offerRetry(blob, seconds, e.message === "Failed to fetch" ? gettext("serveur injoignable") : e.message);
      }
    }

    // The recording lives only in this tab until it is sent: never drop it.
    function offerRetry(blob, seconds, reason) {
      status.textContent = interpolate(gettext("Envoi impossible (%(reason)s). "), { reason: reason }, true);
      const retry = document.createElement("button");
      retry.type = "button";
      retry.className = "button small";
      retry.textContent = gettext("Réessayer l'envoi");
      retry.addEventListener("click", () => upload(blob, seconds));
      const keepLocal = document.createElement("a");
      keepLocal.className = "button small";
      keepLocal.href = URL.createObjectURL(blob);
      keepLocal.download = "debat-" + new Date().toISOString().slice(0, 16).replace(":", "h") + ".webm";
      keepLocal.textContent = gettext("Garder une copie sur cet ordinateur");
      status.append(retry, " ", keepLocal);
    }

    startButton.addEventListener("click", start);
    stopButton.addEventListener("click", finish);
    window.addEventListener("beforeunload", (e) => { if (recorder) e.preventDefault(); });
    // Leaving anyway: the projector must not show a recording that stopped.
    window.addEventListener("pagehide", () => {
      if (!recorder) return;
      const body = new FormData();
      body.append("action", "stop");
      body.append("csrfmiddlewaretoken", csrfToken());
      navigator.sendBeacon(stateUrl, body);
    });
    const clear = document.getElementById("rec-clear");
    if (clear) clear.addEventListener("click", async () => {
      await post(stateUrl, { action: "stop" });
      status.textContent = gettext("Indication retirée de l'écran projeté.");
    });
    return { busy: () => recorder !== null, finish };
  }

  /* ---- Page ------------------------------------------------------------ */
  const notes = document.getElementById("notes");
  if (notes) setupNotes(notes);
  const recorderSection = document.getElementById("recorder");
  const recorder = recorderSection ? setupRecorder(recorderSection) : null;

  // Changing item or round while recording: keep the recording first.
  document.querySelectorAll("form.navigates").forEach(function (form) {
    form.addEventListener("submit", async function (event) {
      if (!recorder || !recorder.busy()) return;
      event.preventDefault();
      await recorder.finish();
      form.requestSubmit(event.submitter);
    });
  });

  const order = document.querySelector("form.speaking-order");
  if (order) {
    order.querySelector("button").classList.add("hidden");
    order.addEventListener("change", () => order.requestSubmit());
  }
})();
