"""A self-hosted arithmetic challenge shown when a client nears the rate limit (no outside
captcha service). The expected answer travels signed, so the server keeps no state."""

import secrets

from django.core import signing

SALT = "prongsai.feedback.challenge"
MAX_AGE_SECONDS = 30 * 60
THAI_NUMBERS = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]


def new_challenge() -> dict:
    first, second = secrets.randbelow(9) + 1, secrets.randbelow(9) + 1
    return {
        "question": f"{THAI_NUMBERS[first]} บวก {THAI_NUMBERS[second]} เท่ากับเท่าไร (ตอบเป็นตัวเลข)",
        "token": signing.dumps(first + second, salt=SALT),
    }


def is_solved(token: str, answer: str) -> bool:
    try:
        expected = signing.loads(token or "", salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.BadSignature:
        return False
    from prongsai.core.thaidate import arabic_digits

    return arabic_digits((answer or "").strip()) == str(expected)
