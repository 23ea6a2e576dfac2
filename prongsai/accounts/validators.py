"""Django's password validators with Thai messages (Django ships no Thai text for them).

Configured in settings (AUTH_PASSWORD_VALIDATORS, minimum length 12) under the accounts
marker; the rules themselves are Django's own, plus ContextWordsValidator (ours): no agency,
site, product or Thai government word and no keyboard walk (context_words.txt, ADR 0257).
"""

import functools
import re
from pathlib import Path

from django.contrib.auth import password_validation as django_validators
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class MinimumLengthValidator(django_validators.MinimumLengthValidator):
    def __init__(self, min_length=12):
        super().__init__(min_length)

    def get_error_message(self):
        return _("รหัสผ่านสั้นเกินไป ต้องยาวอย่างน้อย %(min_length)d ตัวอักษร") % {
            "min_length": self.min_length
        }

    def get_help_text(self):
        return _("รหัสผ่านต้องยาวอย่างน้อย %(min_length)d ตัวอักษร") % {"min_length": self.min_length}


class CommonPasswordValidator(django_validators.CommonPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านนี้เป็นรหัสที่คนทั่วไปใช้กันมาก เดาได้ง่าย กรุณาตั้งรหัสอื่น")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่ใช่รหัสที่ใช้กันทั่วไป")


class NumericPasswordValidator(django_validators.NumericPasswordValidator):
    def get_error_message(self):
        return _("รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด")

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่เป็นตัวเลขทั้งหมด")


class UserAttributeSimilarityValidator(django_validators.UserAttributeSimilarityValidator):
    def validate(self, password, user=None):
        try:
            super().validate(password, user)
        except ValidationError as error:
            attribute = error.params.get("verbose_name", "") if error.params else ""
            raise ValidationError(
                _("รหัสผ่านคล้ายกับ%(attribute)sของคุณมากเกินไป") % {"attribute": attribute},
                code="password_too_similar",
            ) from error

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่คล้ายกับชื่อผู้ใช้ ชื่อ หรืออีเมลของคุณ")


CONTEXT_WORDS_FILE = Path(__file__).with_name("context_words.txt")
# Look-alike characters people put in place of letters ("Pr0ngs@i").
LOOK_ALIKES = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
# Host-name labels that say nothing about the agency.
GENERIC_LABELS = {"www", "go", "th", "or", "ac", "co", "in", "mi", "net", "com", "org", "gov"}
MIN_WORD_LENGTH = 4


@functools.cache
def listed_context_words() -> frozenset[str]:
    lines = CONTEXT_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


def _words_of(text: str) -> set[str]:
    """The whole text without spaces and each word in it, long enough to mean something."""
    text = (text or "").strip().lower()
    words = {text.replace(" ", "")} | set(re.split(r"[\s\-_.,()/]+", text))
    return {word for word in words if len(word) >= MIN_WORD_LENGTH}


def _host_labels(host: str) -> set[str]:
    labels = re.split(r"[.:/]+", (host or "").lower())
    return {
        label for label in labels if label not in GENERIC_LABELS and len(label) >= MIN_WORD_LENGTH
    }


def agency_context_words() -> set[str]:
    """The agency's names, host names and site names, from the database (every site: one
    install serves one agency, sometimes under more than one host name)."""
    from wagtail.models import Site

    from prongsai.core.models import AgencySettings

    words: set[str] = set()
    for hostname, site_name in Site.objects.values_list("hostname", "site_name"):
        words |= _host_labels(hostname) | _words_of(site_name)
    for name_th, name_en, domain in AgencySettings.objects.values_list(
        "name_th", "name_en", "main_domain"
    ):
        words |= _words_of(name_th) | _words_of(name_en) | _host_labels(domain)
    return words


def account_context_words(user) -> set[str]:
    if user is None:
        return set()
    words = {(getattr(user, "username", "") or "").lower()}
    email = getattr(user, "email", "") or ""
    words.add(email.partition("@")[0].lower())
    # Usernames are often short; three letters and up already make a guessable part.
    return {word for word in words if len(word) >= 3}


class ContextWordsValidator:
    """Refuses passwords containing a context-specific word (ASVS 6.1.2, 6.2.11): the
    documented list in context_words.txt, the agency's names and domains, the site name and the
    account's own username (docs/security/passwords.md)."""

    def found_word(self, password: str, user=None) -> str | None:
        plain = (password or "").lower()
        forms = {plain, plain.translate(LOOK_ALIKES)}
        words = listed_context_words() | agency_context_words() | account_context_words(user)
        for word in sorted(words, key=len, reverse=True):
            if any(word in form for form in forms):
                return word
        return None

    def validate(self, password, user=None):
        word = self.found_word(password, user)
        if word is not None:
            raise ValidationError(
                _(
                    "รหัสผ่านมีคำที่เดาได้ง่ายจากชื่อหน่วยงาน ชื่อเว็บไซต์ ชื่อผู้ใช้ "
                    "หรือคำที่ใช้กันบ่อย (“%(word)s”) กรุณาตั้งรหัสผ่านอื่น"
                )
                % {"word": word},
                code="password_context_word",
            )

    def get_help_text(self):
        return _("รหัสผ่านต้องไม่มีชื่อหน่วยงาน ชื่อเว็บไซต์ ชื่อผู้ใช้ หรือคำที่เดาง่าย เช่น admin, ratchakan")
