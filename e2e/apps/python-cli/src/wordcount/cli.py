"""The wordcount command."""

import argparse
import collections
import re
import sys

from wordcount import __version__

WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")


def count(text):
    return collections.Counter(w.lower() for w in WORD.findall(text))


def main(argv=None):
    p = argparse.ArgumentParser(prog="wordcount", description="the most frequent words of TEXT")
    p.add_argument("--top", type=int, default=5, help="how many words to print (default 5)")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("text", nargs="*", help="the text (default: standard input)")
    args = p.parse_args(argv)
    text = " ".join(args.text) if args.text else sys.stdin.read()
    counts = count(text)
    for word, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[: args.top]:
        print(f"{n:4d}  {word}")
    print(f"{sum(counts.values())} words, {len(counts)} different")
    return 0
