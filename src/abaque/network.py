"""The addresses at which phones in the room can reach this laptop."""

import socket


def local_addresses() -> list[str]:
    """IPv4 addresses of this machine other than loopback, best first.

    A UDP socket "connected" to a private address sends no packet; it only
    makes the kernel pick the interface that faces the local network.
    """
    found: list[str] = []
    for probe in ("10.255.255.255", "192.168.255.255", "172.31.255.255"):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                sock.connect((probe, 9))
                found.append(sock.getsockname()[0])
        except OSError:
            continue
    try:
        for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET):
            found.append(info[4][0])
    except OSError:
        pass
    return [a for a in dict.fromkeys(found) if not a.startswith("127.") and a != "0.0.0.0"]
