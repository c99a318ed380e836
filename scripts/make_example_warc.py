#!/usr/bin/env python3
"""Writes examples/warc/crawl-sample.warc.gz, the WARC.gz example (Python stdlib only).

The archive is what a small crawl of two news pages would leave: a warcinfo record,
then for each page a request and a response record, plus records the reader must pass
over (an image, a redirect, a metadata record). Each record is its own gzip member, as
in real crawls. One page is served gzip-encoded and chunked, the other as plain UTF-8,
so both HTTP decoding paths are exercised. The article pages were written for this
project. The output is deterministic (fixed dates, ids and gzip mtime): re-running the
script reproduces the committed file byte for byte.

Usage: python3 scripts/make_example_warc.py [OUTPUT]
"""
import gzip
import io
import os
import sys
import uuid

CRAWL_DATE = "2025-07-02T09:30:00Z"

RATES_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Central bank holds rates as inflation cools | Lakeside Ledger</title>
<meta property="og:title" content="Central bank holds rates as inflation cools">
<meta property="og:site_name" content="Lakeside Ledger">
<meta property="og:url" content="https://www.lakeside-ledger.example/economy/2025/06/18/rates-hold">
<meta property="article:published_time" content="2025-06-18T14:05:00Z">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Central bank holds rates as inflation cools",
 "datePublished": "2025-06-18T14:05:00Z",
 "publisher": {"@type": "Organization", "name": "Lakeside Ledger"}}
</script>
<script>var adConfig = {slots: ["top", "side"]};</script>
</head>
<body>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/economy">Economy</a></li><li><a href="/markets">Markets</a></li></ul></nav>
<div class="ad-container" id="ad-top"><p>Advertisement</p></div>
<article>
<header><h1>Central bank holds rates as inflation cools</h1><p class="byline">By Lena Moravec</p></header>
<p>The central bank kept its main interest rate at 3.75 percent on Wednesday for the third meeting in a row, saying inflation was easing but remained above its 2 percent target.</p>
<p>Consumer prices rose 2.9 percent in May from a year earlier, down from 3.4 percent in April, according to the statistics office. Governor Rafael Istrati said the bank needed &#8220;a few more months of evidence&#8221; before cutting borrowing costs.</p>
<div class="promo-box"><p>Try our markets newsletter free for 30 days.</p></div>
<p>Six of the nine members of the rate-setting committee voted to hold, while three favoured a cut of a quarter of a percentage point. Economists polled last week had expected the decision.</p>
<p>The currency weakened by about 0.4 percent against the euro after the announcement.</p>
</article>
<aside><h2>Most read</h2><ul><li><a href="/a">Housing starts slump</a></li><li><a href="/b">Port traffic record</a></li></ul></aside>
<footer><p>&copy; 2025 Lakeside Ledger</p></footer>
</body>
</html>
"""

WATER_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Drought forces water rationing in 14 towns</title>
<meta property="og:title" content="Drought forces water rationing in 14 towns">
<meta property="og:site_name" content="Coastal Times">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "ReportageNewsArticle",
 "headline": "Drought forces water rationing in 14 towns",
 "datePublished": "2025-07-01",
 "publisher": {"@type": "NewsMediaOrganization", "name": "Coastal Times"}}
</script>
</head>
<body>
<header class="masthead"><a href="/">Coastal Times</a></header>
<main>
<h1>Drought forces water rationing in 14 towns</h1>
<div class="share-tools"><a href="#">Share</a> <a href="#">Email</a></div>
<p>Fourteen towns along the southern coast will have running water for only 12 hours a day from Monday, the regional water company said, after the driest spring since records began in 1961.</p>
<p>Reservoirs serving the area are at 23 percent of capacity, compared with 58 percent at the same time last year. \u201cWe are asking every household to cut its use by a fifth,\u201d said Inès Carvalho, the company\u2019s operations director.</p>
<p>Farmers\u2019 groups warned that the restrictions could cost growers of tomatoes and melons up to \u20ac40 million if they last through August.</p>
</main>
<footer><p>Coastal Times &middot; Contact &middot; Privacy</p></footer>
</body>
</html>
"""


def record_id(name):
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, name)


def warc_record(warc_type, block, uri=None, content_type=None, extra=()):
    headers = [
        ("WARC-Type", warc_type),
        ("WARC-Record-ID", record_id(warc_type + ":" + (uri or "") + ":" + str(len(block)))),
        ("WARC-Date", CRAWL_DATE),
    ]
    if uri:
        headers.append(("WARC-Target-URI", uri))
    headers.extend(extra)
    if content_type:
        headers.append(("Content-Type", content_type))
    headers.append(("Content-Length", str(len(block))))
    head = "WARC/1.1\r\n" + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def http_response(status, headers, body):
    head = "HTTP/1.1 %s\r\n" % status + "".join("%s: %s\r\n" % h for h in headers) + "\r\n"
    return head.encode("latin-1") + body


def chunked(data, size=700):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def gzip_bytes(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def request(uri):
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3]
    block = ("GET %s HTTP/1.1\r\nHost: %s\r\nUser-Agent: newsledger-example-crawler/1.0\r\n"
             "Accept: text/html\r\n\r\n" % (path, host)).encode("latin-1")
    return warc_record("request", block, uri, "application/http; msgtype=request")


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "examples", "warc", "crawl-sample.warc.gz")
    http = "application/http; msgtype=response"
    rates_uri = "https://www.lakeside-ledger.example/economy/2025/06/18/rates-hold"
    water_uri = "https://coastaltimes.example/2025/07/01/water-rationing"
    records = [
        warc_record("warcinfo", b"software: newsledger make_example_warc.py\r\nformat: WARC File Format 1.1\r\n",
                    content_type="application/warc-fields"),
        request(rates_uri),
        warc_record("response", http_response("200 OK", [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Encoding", "gzip"),
            ("Transfer-Encoding", "chunked"),
        ], chunked(gzip_bytes(RATES_PAGE.encode("utf-8")))), rates_uri, http),
        warc_record("response", http_response("200 OK", [("Content-Type", "image/png")],
                                              b"\x89PNG\r\n\x1a\n" + bytes(range(64))),
                    "https://www.lakeside-ledger.example/img/governor.png", http),
        warc_record("response", http_response("301 Moved Permanently", [
            ("Location", water_uri), ("Content-Type", "text/html"), ("Content-Length", "0")], b""),
            "http://coastaltimes.example/2025/07/01/water-rationing", http),
        request(water_uri),
        warc_record("response", http_response("200 OK", [
            ("Content-Type", "text/html; charset=UTF-8"),
            ("Content-Length", str(len(WATER_PAGE.encode("utf-8")))),
        ], WATER_PAGE.encode("utf-8")), water_uri, http),
        warc_record("metadata", b"outlinks: https://coastaltimes.example/\r\n", water_uri,
                    "application/warc-fields"),
    ]
    os.makedirs(os.path.dirname(out_path), exist_ok=True)
    with open(out_path, "wb") as f:
        for r in records:
            f.write(gzip_bytes(r))


if __name__ == "__main__":
    main()
