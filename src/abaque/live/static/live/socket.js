/* A WebSocket that comes back by itself after a network cut: exponential
   backoff with jitter, and `open` is called on every (re)connection so the
   page refetches its state and misses nothing said while it was away. */
(function () {
  "use strict";
  var FIRST_DELAY = 500, MAX_DELAY = 15000;

  window.abaqueSocket = function (path, handlers) {
    var delay = FIRST_DELAY, socket = null, timer = null;

    function url() {
      return (location.protocol === "https:" ? "wss://" : "ws://") + location.host + path;
    }
    function retry() {
      clearTimeout(timer);
      timer = setTimeout(connect, delay + Math.random() * delay / 2);
      delay = Math.min(delay * 2, MAX_DELAY);
    }
    function connect() {
      socket = new WebSocket(url());
      socket.onopen = function () {
        delay = FIRST_DELAY;
        if (handlers.status) handlers.status(true);
        if (handlers.open) handlers.open();
      };
      socket.onmessage = function (event) { handlers.message(JSON.parse(event.data)); };
      socket.onclose = function () {
        if (handlers.status) handlers.status(false);
        retry();
      };
    }
    // Back on the network: no need to wait for the end of the backoff.
    window.addEventListener("online", function () {
      if (socket && socket.readyState === WebSocket.CLOSED) { delay = FIRST_DELAY; clearTimeout(timer); connect(); }
    });
    connect();
  };

  /* Wraps an async refetch so that calls arriving while it runs fold into
     one more run at the end: a burst of changes costs two fetches, and the
     last change is never missed. */
  window.abaqueCoalesce = function (run) {
    var running = false, again = false;
    return async function coalesced() {
      if (running) { again = true; return; }
      running = true;
      try { await run(); } catch (e) { /* the socket reconnects and calls us again */ }
      running = false;
      if (again) { again = false; coalesced(); }
    };
  };
})();
