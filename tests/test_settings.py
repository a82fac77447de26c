import pytest

from abaque.settings import database_from_url, sqlite_database


def test_a_postgres_url_becomes_a_django_database():
    db = database_from_url("postgres://abaque:s%40cret@db.local:5433/abaque_prod")
    assert (db["ENGINE"], db["NAME"], db["USER"], db["PASSWORD"], db["HOST"], db["PORT"]) == (
        "django.db.backends.postgresql",
        "abaque_prod",
        "abaque",
        "s@cret",
        "db.local",
        "5433",
    )


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError):
        database_from_url("mysql://x@y/z")


def test_sqlite_is_durable():
    options = sqlite_database("/tmp/x.sqlite3")["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE" and options["timeout"] > 0
    assert "synchronous=FULL" in options["init_command"] and "journal_mode=WAL" in options["init_command"]
