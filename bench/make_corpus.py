#!/usr/bin/env python3
"""Builds the throughput-benchmark corpus: JSON Lines news-like documents, >= --mb MB.

Documents are made from the sentences of UD English-EWT (train) grouped in paragraphs
of 3-6 sentences with outlet tags, interleaved with the project's example articles, and
repeated until the corpus reaches the requested size. Deterministic (fixed seed).
Usage: python3 bench/make_corpus.py --data ../shared/data --out bench/corpus/corpus.jsonl --mb 50
"""
import argparse, glob, json, os, random

def ewt_sentences(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                yield line[9:].rstrip("\n")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--examples", default="examples")
    ap.add_argument("--out", default="bench/corpus/corpus.jsonl")
    ap.add_argument("--mb", type=float, default=50)
    args = ap.parse_args()
    rng = random.Random(20251117)
    sents = list(ewt_sentences(os.path.join(args.data, "ud_ewt", "en_ewt-ud-train.conllu")))
    examples = []
    for p in sorted(glob.glob(os.path.join(args.examples, "*.txt"))):
        with open(p, encoding="utf-8") as f:
            body = f.read().split("\n\n", 1)[-1]
        examples.append(body)
    outlets = ["example-news.com", "wire.example.org", "daily.example.net", "radio.example.com"]
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    target = int(args.mb * 1e6)
    size = n = 0
    with open(args.out, "w", encoding="utf-8") as out:
        while size < target:
            if examples and n % 4 == 0:
                text = examples[(n // 4) % len(examples)]
            else:
                paras = []
                for _ in range(rng.randint(4, 9)):
                    k = rng.randint(3, 6)
                    start = rng.randrange(0, len(sents) - k)
                    paras.append(" ".join(sents[start:start + k]) + " (" + rng.choice(outlets) + ")")
                text = "\n".join(paras)
            line = json.dumps({"id": f"bench-{n}", "outlet": rng.choice(outlets),
                               "published": "2025-11-%02d" % rng.randint(1, 28), "text": text},
                              ensure_ascii=False)
            out.write(line + "\n")
            size += len(line.encode("utf-8")) + 1
            n += 1
    print(f"{args.out}: {n} documents, {size / 1e6:.1f} MB")

if __name__ == "__main__":
    main()
