/* The projected debate: refetch the fragment when the séance changes, told
   by the live WebSocket; poll every 2 s while it is not connected. */
(function () {
  "use strict";
  const screen = document.getElementById("debate-screen");
  const offline = document.getElementById("debate-offline");
  const POLL_MS = 2000;
  const MAX_BACKOFF_MS = 30000;
  let last = null, poller = null, backoff = 1000;

  async function refresh() {
    try {
      const response = await fetch(screen.dataset.fragmentUrl, { credentials: "same-origin", cache: "no-store" });
      if (!response.ok) throw new Error(String(response.status));
      const html = await response.text();
      if (html !== last) { screen.innerHTML = html; last = html; }
      offline.classList.add("hidden");
    } catch (e) {
      offline.classList.remove("hidden");
    }
  }

  function poll(on) {
    if (on && !poller) poller = setInterval(refresh, POLL_MS);
    if (!on && poller) { clearInterval(poller); poller = null; }
  }

  function connect() {
    if (!("WebSocket" in window)) return;
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    const socket = new WebSocket(scheme + location.host + screen.dataset.wsPath);
    socket.addEventListener("open", () => { backoff = 1000; poll(false); refresh(); });
    socket.addEventListener("message", (event) => {
      let message = null;
      try { message = JSON.parse(event.data); } catch (e) { return; }
      if (message && message.kind === "refresh") refresh();
    });
    socket.addEventListener("close", () => {
      poll(true);
      setTimeout(connect, backoff);
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
    });
  }

  const fullscreen = document.getElementById("debate-fullscreen");
  fullscreen.addEventListener("click", () => document.documentElement.requestFullscreen().catch(() => {}));
  document.addEventListener("fullscreenchange", () => fullscreen.classList.toggle("hidden", !!document.fullscreenElement));

  poll(true);
  connect();
})();
