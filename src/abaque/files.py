"""The data folder holds names, e-mails, votes and recordings: it and
everything in it are for the account that runs Abaque only."""

import os
from pathlib import Path

PRIVATE_UMASK = 0o077  # files 0600, folders 0700


def write_private(path, text):
    """Creates a file readable by its owner only from the first byte (never
    written first and restricted afterwards)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as file:
        file.write(text)


def private_dir(path):
    """A folder created owner-only (0700), restricted if it was not."""
    path = Path(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    path.chmod(0o700)
    return path


def restrict_tree(root):
    """Owner-only modes on what already exists (the database, its WAL, the
    recordings, the keys), for data folders made before this was enforced."""
    root = Path(root)
    for folder, _dirs, files in os.walk(root):
        os.chmod(folder, 0o700)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, 0o600)
