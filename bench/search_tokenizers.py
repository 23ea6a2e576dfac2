"""PyThaiNLP newmm vs nlpo3 on the search corpus: speed and agreement (ADR 0060).

Segments every Thai run of the corpus (titles, bodies, documents' text, queries) with both
engines, repeated to get stable timings, and reports words/s and how often they cut alike.
Recall with each engine: PRONGSAI_SEARCH_TOKENIZER=newmm .venv/bin/python bench/search_recall.py
"""

import os
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
REPEAT = 20


def main() -> None:
    import django

    django.setup()
    from pythainlp.tokenize import word_tokenize

    from prongsai.search import corpus, thai

    texts = [
        f"{i['title']} {i['introduction']} {i['body']} {i.get('text', '')}" for i in corpus.items()
    ]
    texts += [q["query"] for q in corpus.queries()]
    runs = [run for text in texts for run in re.findall(thai._THAI_RUN, thai.normalize(text))]
    chars = sum(map(len, runs))
    results = {}
    for engine in ("newmm", "nlpo3"):
        word_tokenize("อุ่นเครื่อง", engine=engine)  # load the dictionary before timing
        started = time.perf_counter()
        for _ in range(REPEAT):
            segmented = [word_tokenize(run, engine=engine) for run in runs]
        elapsed = (time.perf_counter() - started) / REPEAT
        results[engine] = segmented
        words = sum(map(len, segmented))
        print(
            f"{engine:<6} {len(runs)} Thai runs, {chars} chars: {elapsed * 1000:.1f} ms "
            f"({chars / elapsed / 1000:.0f} k chars/s, {words / elapsed:.0f} words/s)"
        )
        started = time.perf_counter()
        joined = " ".join(runs)
        for _ in range(REPEAT):
            word_tokenize(joined, engine=engine)
        batched = (time.perf_counter() - started) / REPEAT
        print(f"{engine:<6} same text in one call: {batched * 1000:.1f} ms")
    same = sum(a == b for a, b in zip(results["newmm"], results["nlpo3"], strict=True))
    print(f"identical segmentation on {same}/{len(runs)} runs ({same / len(runs):.1%})")
    for a, b in zip(results["newmm"], results["nlpo3"], strict=True):
        if a != b:
            print("  differs:", "|".join(a), " vs ", "|".join(b))


if __name__ == "__main__":
    main()
