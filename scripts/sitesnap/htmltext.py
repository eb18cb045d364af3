"""What an HTML page shows, as comparable text: title, document language and direction, visible text
(one line per block, whitespace normalised), link targets, forms and their fields, images' alt text,
meta tags, data attributes and labels; script and style URLs (anything under the static URL) apart."""

import json
import re
from html.parser import HTMLParser

BLOCKS = {"address", "article", "aside", "blockquote", "br", "button", "caption", "dd", "details", "dialog",
          "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
          "h6", "header", "hr", "label", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section",
          "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "select", "textarea", "body"}
HIDDEN = {"script", "style", "template", "head"}
LABEL_ATTRIBUTES = ("aria-label", "title", "placeholder", "aria-describedby", "role")
VOLATILE = re.compile(r"(csrf|nonce)", re.IGNORECASE)
# Hidden fields whose value differs per request (the proposal forms' signed start time, tokens).
VOLATILE_FIELDS = re.compile(r"(csrf|nonce|token|started|timestamp)", re.IGNORECASE)
WHITESPACE = re.compile(r"\s+")


def clean(text):
    return WHITESPACE.sub(" ", text).strip()


class Extract(HTMLParser):
    def __init__(self, static_url):
        super().__init__(convert_charrefs=True)
        self.static_url = static_url
        self.stack = []
        self.title, self.text, self.line = [], [], []
        self.document, self.links, self.forms, self.images, self.meta = [], [], [], [], []
        self.data, self.labels, self.assets, self.json_scripts = [], [], [], []
        self.script_type = None
        self.script_body = []

    # --- helpers ---------------------------------------------------------------------------------
    def is_asset(self, value):
        return bool(value) and (value.startswith(self.static_url) or value.startswith("/api/docs/static"))

    def break_line(self):
        line = clean("".join(self.line))
        if line:
            self.text.append(line)
        self.line = []

    def hidden(self):
        return any(tag in HIDDEN for tag in self.stack) and "title" not in self.stack

    # --- parser callbacks ------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        attrs = {name: (value or "") for name, value in attrs}
        if tag not in ("br", "hr", "img", "input", "meta", "link", "source", "wbr", "area", "base", "col"):
            self.stack.append(tag)
        if tag in BLOCKS:
            self.break_line()
        self.attributes(tag, attrs)
        if tag == "html":
            self.document.append(f"html lang={attrs.get('lang', '')!r} dir={attrs.get('dir', '')!r}")
        elif tag in ("a", "area") and "href" in attrs:
            (self.assets if self.is_asset(attrs["href"]) else self.links).append(f"{tag} {attrs['href']}")
        elif tag == "link":
            rel = attrs.get("rel", "")
            href = attrs.get("href", "")
            if "stylesheet" in rel or "preload" in rel or self.is_asset(href):
                self.assets.append(f"link rel={rel} {href}")
            else:
                self.links.append(f"link rel={rel} {href} hreflang={attrs.get('hreflang', '')}")
        elif tag == "script":
            self.script_type = attrs.get("type", "")
            self.script_body = []
            if "src" in attrs:
                self.assets.append(f"script type={self.script_type} {attrs['src']}")
        elif tag == "form":
            self.forms.append(f"form method={attrs.get('method', 'get').lower()} action={attrs.get('action', '')!r}"
                              f" id={attrs.get('id', '')}")
        elif tag in ("input", "select", "textarea", "button") and (attrs.get("name") or tag == "button"):
            kind = attrs.get("type", "submit" if tag == "button" else tag if tag != "input" else "text")
            value = "<volatile>" if VOLATILE_FIELDS.search(attrs.get("name", "")) else attrs.get("value", "")
            flags = " ".join(flag for flag in ("required", "checked", "disabled", "readonly", "multiple")
                             if flag in attrs)
            self.forms.append(f"  {tag} name={attrs.get('name', '')} type={kind} value={value!r} {flags}".rstrip())
        elif tag == "option" and self.stack.count("select"):
            flag = " selected" if "selected" in attrs else ""
            self.forms.append(f"    option {attrs.get('value', '')!r}{flag}")
        elif tag == "img":
            src = attrs.get("src", "")
            self.images.append(f"img alt={attrs.get('alt')!r}" + ("" if self.is_asset(src) else f" src={src}"))
            if self.is_asset(src):
                self.assets.append(f"img {src}")
        elif tag == "meta":
            key = attrs.get("name") or attrs.get("property") or attrs.get("http-equiv") or attrs.get("charset")
            content = "<volatile>" if VOLATILE.search(key or "") else attrs.get("content", "")
            self.meta.append(f"meta {key} = {content}")
        if tag == "br":
            self.break_line()

    def attributes(self, tag, attrs):
        for name, value in sorted(attrs.items()):
            if name == "nonce" or VOLATILE.search(name):
                continue
            if name.startswith("data-"):
                if self.is_asset(value):
                    self.assets.append(f"{tag} {name}={value}")
                else:
                    self.data.append(f"{tag} {name}={value}")
            elif name in LABEL_ATTRIBUTES and value:
                self.labels.append(f"{tag} {name}={value}")
            elif name in ("src", "srcset", "poster", "action", "formaction") and tag not in ("script", "img", "form"):
                (self.assets if self.is_asset(value) else self.links).append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        if tag == "script" and self.script_type:
            body = "".join(self.script_body).strip()
            for url in sorted(set(re.findall(rf'"({re.escape(self.static_url)}[^"]*)"', body))):
                self.assets.append(f"script type={self.script_type} refers to {url}")
            body = re.sub(rf'"{re.escape(self.static_url)}[^"]*"', '"<static URL>"', body)
            if body:
                target = self.assets if self.script_type == "importmap" else self.json_scripts
                target.append(f"script type={self.script_type}:\n{pretty(body)}")
            self.script_type = None
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass
        if tag in BLOCKS:
            self.break_line()

    def handle_data(self, data):
        if "script" in self.stack:
            self.script_body.append(data)
        if "title" in self.stack:
            self.title.append(data)
        elif not self.hidden():
            self.line.append(data)


def pretty(body):
    try:
        return json.dumps(json.loads(body), sort_keys=True, indent=1, ensure_ascii=False)
    except ValueError:
        return body


def html_sections(content, static_url):
    """→ (main text, assets text) of a page."""
    parser = Extract(static_url)
    parser.feed(content)
    parser.close()
    parser.break_line()
    sections = [
        ("title", [clean("".join(parser.title))]),
        ("document", parser.document),
        ("meta", parser.meta),
        ("text", parser.text),
        ("links", parser.links),
        ("forms", parser.forms),
        ("images", parser.images),
        ("labels", parser.labels),
        ("data attributes", parser.data),
        ("inline data scripts", parser.json_scripts),
    ]
    main = "\n".join(f"--- {name} ---\n" + "\n".join(lines) for name, lines in sections)
    return main, "\n".join(parser.assets)
