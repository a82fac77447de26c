"""The `abaque` command: Django's manage.py under a friendlier name.

abaque serve | demo | analyse FILE.csv | report ID | migrate | createsuperuser …
"""

import os
import sys

from abaque.blas import limit_blas_threads

limit_blas_threads()  # before anything loads numpy

from abaque.files import PRIVATE_UMASK  # noqa: E402


def main(argv=None):
    os.umask(PRIVATE_UMASK)  # the database, its WAL and recordings: owner-only from creation
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "abaque.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["abaque", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
