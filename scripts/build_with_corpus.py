#!/usr/bin/env python3
"""Builds the graph of data/ plus the real articles of ../shared/corpus into OUT (outside the
repository: the corpus text must not be committed). Each corpus article gets a front matter
from the corpus gold (source, lang, date), as `../shared/corpus/score resolve` does; the data
directory is a temporary copy, removed afterwards. Prints the build summary's first lines.

    python3 scripts/build_with_corpus.py OUT [--bin target/release/govgraph] [--corpus DIR] [--no-svg]

Then: python3 scripts/check_places.py --graph OUT/graph.json, and
target/browser-venv/bin/python tests/browser/load_time.py OUT (the load check of issue 13).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile


def main(argv):
    args = list(argv)
    def option(name, default):
        if name in args:
            i = args.index(name)
            value = args[i + 1]
            del args[i : i + 2]
            return value
        return default
    binary = option("--bin", "target/release/govgraph")
    # The corpus sits beside the project (../shared/corpus), or beside a worktree's parent.
    near = next((d for d in ["../shared/corpus", "../../shared/corpus"] if os.path.isdir(d)), "")
    corpus = option("--corpus", near)
    svg = "--no-svg" not in args
    args = [a for a in args if a != "--no-svg"]
    if len(args) != 1:
        sys.exit(__doc__)
    out = os.path.abspath(args[0])
    if out.startswith(os.path.abspath(".") + os.sep):
        sys.exit(f"{out}: write outside the repository (the corpus text is not ours to commit)")
    gold = json.load(open(os.path.join(corpus, "gold.json"), encoding="utf-8"))["articles"]
    tmp = tempfile.mkdtemp(prefix="govgraph-corpus-")
    try:
        data = os.path.join(tmp, "data")
        shutil.copytree("data", data)
        dest = os.path.join(data, "articles", "corpus")
        os.makedirs(dest)
        for name, meta in sorted(gold.items()):
            lines = open(os.path.join(corpus, "articles", name), encoding="utf-8").read().split("\n")
            body = "\n".join(l for l in lines if not l.startswith("# "))
            with open(os.path.join(dest, name), "w", encoding="utf-8") as f:
                f.write(f"---\nsource: {meta['url']}\nlang: {meta['lang']}\ndate: {meta['date']}\n---\n{body}")
        command = [binary, "-q", "build", "--data", data, "--out", out] + ([] if svg else ["--no-svg"])
        run = subprocess.run(command, capture_output=True, text=True)
        if run.returncode != 0:
            sys.exit(run.stderr[-3000:])
        print("\n".join(run.stdout.split("\n")[:4]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
