"""The raw HTTP limit: a bare ASGI callable answering every request with a
small JSON body, served by uvicorn with the very options `abaque serve`
uses. Django and the database cost what the app loses against it."""

import sys

BODY = b'{"ok": true}'
HEADERS = [(b"content-type", b"application/json"), (b"content-length", str(len(BODY)).encode())]


async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    while (await receive()).get("more_body"):
        pass
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})


if __name__ == "__main__":
    from abaque.live.management.commands.serve import bind, serve

    sock = bind("127.0.0.1", 0)
    port = sock.getsockname()[1]
    print(f"http://localhost:{port}/", flush=True)
    sys.exit(serve(sock, "127.0.0.1", port, app=app))
