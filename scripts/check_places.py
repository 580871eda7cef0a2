#!/usr/bin/env python3
"""Checks that every commune or ward named in a working-group list is a gazetteer unit of
the right province: the gold lists of ../shared/corpus/gold.json (province from the gold
`area`) and the curated `works_with`/`inspected` areas of data/records (province from their
`within`). Prints each miss and the counts; exit 1 when anything is missing.

With `--graph graph.json` (a graph built from data/ plus the corpus articles), it checks the
graph too: each listed commune or ward is an area entity of the graph that carries a
gazetteer code of the right province; and every post of a province-level body (Party
Committee, People's Council or Committee, their standing bodies, commissions and offices,
the National Assembly delegation) that an article states is held lies in an area: none is
left "(place unknown)".

    python3 scripts/check_places.py [path/to/gold.json] [--graph graph.json]
"""

import json
import re
import sys
import unicodedata

GAZ = "data/gazetteer/vn.tsv"


def fold(s):
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join(re.findall(r"[a-z0-9]+", s))


units = {}
for line in open(GAZ, encoding="utf-8"):
    if line.startswith("#") or line.startswith("id\t"):
        continue
    uid, level, kind, name, parent, era, lat, lon, succ = line.rstrip("\n").split("\t")
    units[uid] = (level, name, parent, era, succ.split(",") if succ else [])


def provinces(uid):
    """The unit's province and what that became (or was made of)."""
    while units[uid][2]:
        uid = units[uid][2]
    out = {fold(units[uid][1])}
    out.update(fold(units[s][1]) for s in units[uid][4])
    return out


by_name = {}
for uid, (level, name, *_rest) in units.items():
    if level == "commune":
        by_name.setdefault(fold(name), []).append(uid)


def place(name, province):
    p = fold(province).replace("thanh pho ", "").replace("tinh ", "")
    p = {"hcmc": "ho chi minh", "ho chi minh city": "ho chi minh", "hue": "hue"}.get(p, p)
    hits = [u for u in by_name.get(fold(name), []) if p in provinces(u)]
    return sorted(hits, key=lambda u: (units[u][3] != "new", u))


checked, missing = 0, []
args = sys.argv[1:]
graph_path = None
if "--graph" in args:
    i = args.index("--graph")
    graph_path = args[i + 1]
    del args[i : i + 2]
gold_path = args[0] if args else "../shared/corpus/gold.json"
try:
    gold = json.load(open(gold_path, encoding="utf-8"))["articles"]
except FileNotFoundError:
    gold = {}
    print(f"{gold_path}: not found; checking data/records only")
for art, a in sorted(gold.items()):
    for group in a.get("working_groups", []):
        for spellings in group["areas"]:
            checked += 1
            hits = place(spellings[0], a["area"] or "")
            if not hits:
                missing.append(f"{art}: {spellings[0]} in {a['area']}")

text = ""
import glob
for f in sorted(glob.glob("data/records/*.ron")):
    text += open(f, encoding="utf-8").read()
names = dict(re.findall(r'id: "(area:[a-z0-9-]+)", name: "([^"]+)"', text))
within = dict(re.findall(r'kind: within, from: "(area:[a-z0-9-]+)", to: "(area:[a-z0-9-]+)"', text))
listed = sorted(set(re.findall(r'kind: (?:works_with|inspected), from: "[^"]+", to: "(area:[a-z0-9-]+)"', text)))
for area in listed:
    checked += 1
    province = names.get(within.get(area, ""), "")
    if not place(names.get(area, area), province):
        missing.append(f"data/records: {area} in {province}")

in_graph, graph_missing = 0, []
if graph_path:
    doc = json.load(open(graph_path, encoding="utf-8"))
    coded = {}
    for e in doc["entities"]:
        code = (e.get("kind", {}).get("area") or {}).get("code") if isinstance(e.get("kind"), dict) else None
        if code:
            for text in [e["name"]] + [a["text"] for a in e.get("aliases") or []]:
                if fold(text):
                    coded.setdefault(fold(text), set()).add(code)
    for art, a in sorted(gold.items()):
        for group in a.get("working_groups", []):
            for spellings in group["areas"]:
                in_graph += 1
                p = fold(a["area"] or "").replace("thanh pho ", "").replace("tinh ", "")
                p = {"hcmc": "ho chi minh", "ho chi minh city": "ho chi minh"}.get(p, p)
                codes = set()
                for s_ in spellings:
                    codes |= coded.get(fold(s_), set())
                if not any(p in provinces(c) for c in codes):
                    graph_missing.append(f"{art}: {spellings[0]} in {a['area']} (graph codes: {sorted(codes)})")

posts_checked, unplaced_posts = 0, []
if graph_path:
    post_of = {r["from"]: r["to"] for r in doc["relations"] if r["kind"] == "post_of"}
    placed_bodies = {r["from"] for r in doc["relations"] if r["kind"] == "within"}
    national = {"central_committee", "politburo", "national_assembly", "party", "other"}
    ents = {e["id"]: e for e in doc["entities"]}
    for r in doc["relations"]:
        if r["kind"] != "holds" or not any("extracted" in (ev.get("method") or {}) for ev in r.get("evidence", [])):
            continue
        body = ents.get(post_of.get(r["to"], ""), {})
        cls = (body.get("kind", {}).get("organization") or {}).get("classification")
        if cls is None or cls in national:
            continue
        posts_checked += 1
        if body["id"] not in placed_bodies:
            unplaced_posts.append(f"{r['from']} holds {ents[r['to']]['name']}")

for m in missing:
    print("missing:", m)
print(f"{checked - len(missing)} of {checked} listed communes and wards are gazetteer units of their province")
if graph_path:
    for m in graph_missing:
        print("not in the graph:", m)
    print(f"{in_graph - len(graph_missing)} of {in_graph} listed in the corpus are area entities of {graph_path} with a code of their province")
    for m in unplaced_posts:
        print("unplaced post:", m)
    print(f"{posts_checked - len(unplaced_posts)} of {posts_checked} extracted posts of provincial bodies in {graph_path} lie in an area")
sys.exit(1 if missing or graph_missing or unplaced_posts else 0)
