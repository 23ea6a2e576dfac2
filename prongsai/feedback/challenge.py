"""A self-hosted arithmetic challenge shown when a client nears the rate limit (no outside
captcha service). The expected answer travels signed; the server keeps only the nonces of
tokens already answered, for as long as a token lives, so each token counts once (a solved
token replayed with every bot submission was the weakness found in issue 12)."""

import secrets

from django.core import signing
from django.core.cache import cache

SALT = "prongsai.feedback.challenge"
MAX_AGE_SECONDS = 30 * 60
THAI_NUMBERS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]


def new_challenge() -> dict:
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return {
        "question": f"{THAI_NUMBERS[first]} บวก {THAI_NUMBERS[second]} เท่ากับเท่าไร (ตอบเป็นตัวเลข)",
        "token": signing.dumps({"sum": first + second, "nonce": secrets.token_hex(8)}, salt=SALT),
    }


def is_solved(token: str, answer: str) -> bool:
    try:
        payload = signing.loads(token or "", salt=SALT, max_age=MAX_AGE_SECONDS)
        expected, nonce = payload["sum"], payload["nonce"]
    except (signing.BadSignature, TypeError, KeyError):
        return False
    # Any answer, right or wrong, uses the token up: no replay, no guessing on one token.
    if not cache.add(f"prongsai:challenge-used:{nonce}", 1, timeout=MAX_AGE_SECONDS):
        return False
    from prongsai.core.thaidate import arabic_digits

    return arabic_digits((answer or "").strip()) == str(expected)
