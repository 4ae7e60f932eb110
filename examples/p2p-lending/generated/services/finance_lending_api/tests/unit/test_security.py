"""The security building blocks on their own: tokens, passwords, the audit log and the settings that configure them."""

from datetime import UTC, datetime, timedelta

import pytest
from pydantic import SecretStr, ValidationError

from shared.security.accounts import InvalidUsernameError, normalize_username, username_of_subject
from shared.security.audit import AuditEvent, audit
from shared.security.jwt import InvalidTokenError, TokenCodec
from shared.security.passwords import WeakPasswordError, check_password_strength, hash_password, verify_password
from src.core.config import Settings

SECRET = "s" * 32


def codec() -> TokenCodec:
    return TokenCodec(SECRET, timedelta(minutes=30), timedelta(days=7))


def test_tokens_carry_every_required_claim() -> None:
    now = datetime.now(UTC)
    access = codec().issue_access("user:ada", "moderator", now=now)
    refresh = codec().issue_refresh("user:ada", now=now)

    claims = codec().decode(access.token, "access")
    assert (claims.subject, claims.role, claims.token_type) == ("user:ada", "moderator", "access")
    assert claims.expires_at - claims.issued_at == timedelta(minutes=30)
    assert claims.token_id == access.claims.token_id
    refreshed = codec().decode(refresh.token, "refresh")
    assert refreshed.family == refresh.claims.family
    assert len(refreshed.family) == 32
    assert codec().issue_refresh("user:ada", family=refreshed.family).claims.family == refreshed.family


def test_a_token_of_the_wrong_type_is_refused() -> None:
    refresh = codec().issue_refresh("user:ada")

    with pytest.raises(InvalidTokenError, match="access"):
        codec().decode(refresh.token, "access")
    with pytest.raises(InvalidTokenError, match="DecodeError"):
        codec().decode("not.a.token", "access")


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="32"):
        TokenCodec("too short", timedelta(minutes=1), timedelta(days=1))
    with pytest.raises(ValidationError, match="jwt_secret_key"):
        Settings(jwt_secret_key=SecretStr("too short"))


def test_settings_default_to_the_production_values(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("ACCESS_TOKEN_MINUTES", "REFRESH_TOKEN_DAYS", "BCRYPT_ROUNDS"):
        monkeypatch.delenv(variable, raising=False)

    settings = Settings()

    assert (settings.access_token_minutes, settings.refresh_token_days, settings.bcrypt_rounds) == (30, 7, 12)
    assert SECRET not in repr(Settings(jwt_secret_key=SecretStr(SECRET)))


def test_passwords_are_hashed_and_verified() -> None:
    password_hash = hash_password("a long passphrase", rounds=4)

    assert password_hash.startswith("$2b$04$")
    assert verify_password("a long passphrase", password_hash, rounds=4)
    assert not verify_password("another passphrase", password_hash, rounds=4)
    assert not verify_password("a long passphrase", None, rounds=4)
    assert not verify_password("x" * 100, password_hash, rounds=4)


@pytest.mark.parametrize("password", ["short", "é" * 40])
def test_weak_passwords_are_refused(password: str) -> None:
    with pytest.raises(WeakPasswordError):
        check_password_strength(password)


def test_usernames_are_normalized_and_checked() -> None:
    assert normalize_username("  Ada.Lovelace@example.org ") == "ada.lovelace@example.org"
    with pytest.raises(InvalidUsernameError):
        normalize_username("a:b")
    assert username_of_subject("user:ada") == "ada"
    assert username_of_subject("key:key_0123") is None


def test_audit_records_never_take_a_secret_field(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level("INFO", logger="audit")

    audit(AuditEvent.LOGIN_SUCCEEDED, "user:ada", path="/api/v1/auth/token")
    with pytest.raises(ValueError, match="secret"):
        audit(AuditEvent.LOGIN_FAILED, "user:ada", password="hunter2")

    [record] = caplog.records
    assert record.name == "audit"
    assert record.levelname == "INFO"
    assert record.__dict__["event"] == "login_succeeded"
    assert record.__dict__["subject"] == "user:ada"
    assert record.__dict__["audit"] is True
