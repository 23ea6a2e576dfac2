"""Writes e2e/xss_payloads.txt: hostile strings, one a line, that call the marker __xss() if
they ever run (e2e/test_xss_corpus.py counts the calls and any alert/confirm/prompt dialog).

Base vectors (tags, attributes, URLs, template syntax, encodings) × the contexts they try to
break out of (text, double- and single-quoted attribute, script string, URL). Run it after
adding a vector:  .venv/bin/python e2e/make_xss_payloads.py
"""

from pathlib import Path

CALL = "__xss()"
TAG_VECTORS = [
    f"<script>{CALL}</script>",
    f"<ScRiPt>{CALL}</sCrIpT>",
    f"<script src=data:text/javascript,{CALL}></script>",
    f"<img src=x onerror={CALL}>",
    f'<img src="x" onerror="{CALL}">',
    f"<img/src/onerror={CALL}>",
    f"<svg onload={CALL}>",
    f"<svg><script>{CALL}</script></svg>",
    f"<svg><animate onbegin={CALL} attributeName=x dur=1s>",
    f"<body onload={CALL}>",
    f"<iframe src=javascript:{CALL}></iframe>",
    f"<iframe srcdoc='<script>parent.{CALL}</script>'></iframe>",
    f"<details open ontoggle={CALL}>",
    f"<input autofocus onfocus={CALL}>",
    f"<select autofocus onfocus={CALL}></select>",
    f"<textarea autofocus onfocus={CALL}></textarea>",
    f"<video><source onerror={CALL}></video>",
    f"<audio src=x onerror={CALL}>",
    f"<marquee onstart={CALL}>x</marquee>",
    f"<object data=javascript:{CALL}></object>",
    f"<embed src=javascript:{CALL}>",
    f'<a href="javascript:{CALL}" id=xssa>คลิก</a>',
    f"<a href=jav&#x09;ascript:{CALL}>x</a>",
    f"<form action=javascript:{CALL}><button>x</button></form>",
    f'<math><mtext><table><mglyph><style><img src=x onerror="{CALL}"></style></mglyph>',
    f'<noscript><p title="</noscript><img src=x onerror={CALL}>"></noscript>',
    f"<style>@import 'javascript:{CALL}';</style>",
    f'<div style="background:url(javascript:{CALL})">x</div>',
    f"<meta http-equiv=refresh content='0;url=javascript:{CALL}'>",
    f"<base href=javascript:{CALL}//>",
    f"<link rel=import href=data:text/html,<script>{CALL}</script>>",
    f"<isindex type=image src=1 onerror={CALL}>",
    f"<template><img src=x onerror={CALL}></template>",
    f'<!--<img src="--><img src=x onerror={CALL}//">',
    f"<![CDATA[<img src=x onerror={CALL}>]]>",
    f"&lt;img src=x onerror={CALL}&gt;",
    f"&#60;img src=x onerror={CALL}&#62;",
    f"\\u003cimg src=x onerror={CALL}\\u003e",
    f"%3Cimg%20src%3Dx%20onerror%3D{CALL}%3E",
    f"＜img src=x onerror={CALL}＞",
]
TEXT_VECTORS = [
    f"javascript:{CALL}",
    f"JaVaScRiPt:{CALL}",
    f"data:text/html,<script>{CALL}</script>",
    f'" onmouseover="{CALL}" x="',
    f"' onmouseover='{CALL}' x='",
    f'" autofocus onfocus="{CALL}" x="',
    f"';{CALL};//",
    f'";{CALL};//',
    f"</script><script>{CALL}</script>",
    f"{{{{ {CALL} }}}}",
    f"${{{CALL}}}",
    f"{{% {CALL} %}}",
    f"`${{{CALL}}}`",
    f"{{{{constructor.constructor('{CALL}')()}}}}",
    "\u202eexe.fdp\u202c " + CALL,
    f"%00<script>{CALL}</script>",
    f"[คลิก](javascript:{CALL})",
    f'![x](x" onerror="{CALL})',
    f"<<script>{CALL}//<</script>",
    f"<scr<script>ipt>{CALL}</scr</script>ipt>",
]
# The contexts each vector is wrapped for: plain, after closing a double-quoted attribute,
# after closing a single-quoted one, with Thai text around it, inside a JSON-looking string.
WRAPPERS = [
    "{}",
    '">{}',
    "'>{}",
    "คำถามเรื่องวัคซีน {} ขอบคุณค่ะ",
    '{{"q":"{}"}}',
]


def payloads():
    seen, out = set(), []
    for vector in TAG_VECTORS + TEXT_VECTORS:
        for wrapper in WRAPPERS:
            item = wrapper.format(vector).replace("\n", " ")
            if item not in seen:
                seen.add(item)
                out.append(item)
    return out


if __name__ == "__main__":
    items = payloads()
    target = Path(__file__).with_name("xss_payloads.txt")
    target.write_text("\n".join(items) + "\n", encoding="utf-8")
    print(f"{len(items)} payloads written to {target}")
