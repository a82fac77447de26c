"""`abaque serve`: the laptop becomes the séance's server.

One uvicorn process by default (SQLite, in-memory channel layer): nothing to
install or configure in a village hall. Before serving, it tells the
facilitator, in French, which address to open on the laptop, which one the
phones use (with a QR code drawn in the terminal), and on the very first
start the one-time link that creates the facilitator's account. Its words
are in the active language (French, Django's default here).
"""

import errno
import io
import os
import socket

import segno
import uvicorn
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from uvicorn.supervisors import Multiprocess

from abaque.accounts.first_account import first_account_path
from abaque.files import restrict_tree
from abaque.network import local_addresses

APP = "abaque.asgi:application"
JOIN_PATH = "/rejoindre/"  # the phones' entry page (live app)
WILDCARD_HOSTS = ("0.0.0.0", "::", "")
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


def url(host: str, port: int, path: str = "/") -> str:
    return f"http://{f'[{host}]' if ':' in host else host}:{port}{path}"


def phone_hosts(host: str, lan_addresses: list[str]) -> list[str]:
    """The addresses phones can reach: the LAN ones when listening on all
    interfaces, the given one when it is specific, none on loopback."""
    if host in WILDCARD_HOSTS:
        return list(lan_addresses)
    return [] if host in LOOPBACK_HOSTS else [host]


def indented(text: str) -> str:
    """A paragraph of the announcement (its line breaks are the catalogue's)."""
    return "\n".join("  " + line for line in text.splitlines())


def announcement(host: str, port: int, lan_addresses: list[str], setup_path: str | None) -> str:
    """What the terminal shows before serving, in the active language."""
    laptop_host = "localhost" if host in WILDCARD_HOSTS + LOOPBACK_HOSTS else host
    lines = [
        "",
        _("Abaque démarre."),
        "",
        indented(_("Sur cet ordinateur, ouvrez :")),
        f"      {url(laptop_host, port)}",
        "",
    ]
    phones = phone_hosts(host, lan_addresses)
    if phones:
        lines += [indented(_("Pour les téléphones des participants (connectés au même Wi-Fi) :"))]
        lines += [f"      {url(address, port, JOIN_PATH)}" for address in phones]
        lines += ["", qr_code(url(phones[0], port, JOIN_PATH)), ""]
    elif host in LOOPBACK_HOSTS:
        text = _(
            "Abaque n'écoute que sur cet ordinateur (--host %(host)s) : les téléphones ne\n"
            "pourront pas se connecter. Pour les accueillir, relancez sans --host."
        )
        lines += [indented(text % {"host": host}), ""]
    else:
        text = _(
            "Aucun réseau local détecté : pour que les participants votent avec leur\n"
            "téléphone, connectez cet ordinateur au même Wi-Fi qu'eux (ou au point\n"
            "d'accès d'un téléphone), puis relancez « abaque serve »."
        )
        lines += [indented(text), ""]
    if setup_path:
        text = _(
            "Premier démarrage : créez le compte de l'animateur ou de l'animatrice\n"
            "avec ce lien, valable une seule fois :"
        )
        lines += [indented(text), f"      {url(laptop_host, port, setup_path)}", ""]
    lines += [_("Pour arrêter Abaque : Ctrl+C."), ""]
    return "\n".join(lines)


def qr_code(text: str) -> str:
    out = io.StringIO()
    segno.make(text, error="m").terminal(out=out, compact=True)
    return out.getvalue().rstrip("\n")


def bind(host: str, port: int) -> socket.socket:
    """Take the port now, so that a busy port is a clear message rather than
    a traceback, and hand the socket to uvicorn."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # restart at once after a stop
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise CommandError(bind_error(exc, host, port)) from exc
    return sock


def bind_error(exc: OSError, host: str, port: int) -> str:
    if exc.errno == errno.EADDRINUSE:
        return _(
            "Le port %(port)d est déjà utilisé (une autre instance d'Abaque ou un autre logiciel ?). "
            "Choisissez-en un autre, par exemple : abaque serve --port %(next)d"
        ) % {"port": port, "next": port + 1}
    if exc.errno == errno.EACCES:
        return _(
            "Le port %(port)d est réservé à l'administrateur. "
            "Choisissez un port au-dessus de 1024 : abaque serve --port 8000"
        ) % {"port": port}
    return _("Impossible d'écouter sur %(host)s:%(port)d (%(reason)s). Vérifiez --host et --port.") % {
        "host": host,
        "port": port,
        "reason": exc.strerror,
    }


class Command(BaseCommand):
    help = gettext_lazy("Démarre Abaque sur le réseau local et affiche les adresses à ouvrir.")

    def add_arguments(self, parser):
        parser.add_argument("--host", default="0.0.0.0", help=_("adresse d'écoute (défaut : toutes, 0.0.0.0)"))
        parser.add_argument("--port", type=int, default=8000, help=_("port (défaut : 8000)"))
        parser.add_argument("--workers", type=int, default=1, help=_("processus (plus d'un demande REDIS_URL)"))
        parser.add_argument("--access-log", action="store_true", help=_("affiche chaque requête"))

    def handle(self, *args, host, port, workers, access_log, **options):
        if workers > 1 and "RedisChannelLayer" not in settings.CHANNEL_LAYERS["default"]["BACKEND"]:
            raise CommandError(
                _(
                    "Plusieurs processus (--workers) ont besoin de REDIS_URL pour que les écrans "
                    "en direct reçoivent tous les votes. Définissez REDIS_URL, ou lancez sans --workers."
                )
            )
        check_database()
        restrict_tree(settings.DATA_DIR)
        self.stdout.write(_("Données (base, enregistrements, clé secrète) : %(path)s") % {"path": settings.DATA_DIR})
        allow_host(host)
        setup_path = first_account_path()
        connections.close_all()  # the server opens its own connections, in its threads
        sock = bind(host, port)
        port = sock.getsockname()[1]  # the one the system chose for --port 0
        self.stdout.write(announcement(host, port, local_addresses(), setup_path))
        self.stdout.flush()
        serve(sock, host, port, workers, access_log)


def check_database():
    connection = connections["default"]
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        raise CommandError(_("La base de données n'est pas à jour : lancez d'abord « abaque migrate »."))


def allow_host(host):
    """A specific --host name must be accepted by Django, in this process and
    in the workers it spawns (they read the environment again)."""
    if host in WILDCARD_HOSTS or host in settings.ALLOWED_HOSTS:
        return
    settings.ALLOWED_HOSTS.append(host)
    extra = [h for h in os.environ.get("ABAQUE_ALLOWED_HOSTS", "").split(",") if h]
    os.environ["ABAQUE_ALLOWED_HOSTS"] = ",".join([*extra, host])


def uvicorn_config(app, host, port, workers=1, access_log=False) -> uvicorn.Config:
    """The server's options, shared with the benchmark's raw ASGI baseline so
    that both are served the same way."""
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        workers=workers,
        lifespan="off",  # Django has no lifespan events
        proxy_headers=False,  # no proxy in a village hall: never trust forwarded headers
        log_level="info" if access_log else "warning",
        access_log=access_log,
    )


def serve(sock, host, port, workers=1, access_log=False, app=APP):
    config = uvicorn_config(app, host, port, workers, access_log)
    try:
        if workers > 1:
            Multiprocess(config, sockets=[sock]).run()
        else:
            uvicorn.Server(config).run(sockets=[sock])
    except KeyboardInterrupt:
        pass
