#!/usr/bin/env python3
"""networkx side of the comparison: load govgraph's graph.json, answer one question.

Usage: nx_query.py GRAPH.json path FROM TO | members BODY | neighbors ENTITY
Prints the answer's size so both sides can be checked to agree.
"""

import json
import sys

import networkx as nx


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        doc = json.load(f)
    g = nx.MultiDiGraph()
    for e in doc["entities"]:
        g.add_node(e["id"], name=e["name"])
    for r in doc["relations"]:
        g.add_edge(r["from"], r["to"], kind=r["kind"])
    question = sys.argv[2]
    if question == "path":
        steps = nx.shortest_path(g.to_undirected(as_view=True), sys.argv[3], sys.argv[4])
        print(f"path: {len(steps) - 1} steps")
    elif question == "members":
        bodies, queue = {sys.argv[3]}, [sys.argv[3]]
        while queue:
            body = queue.pop()
            for child, _, data in g.in_edges(body, data=True):
                if data["kind"] == "part_of" and child not in bodies:
                    bodies.add(child)
                    queue.append(child)
        members = set()
        for body in bodies:
            for post, _, data in g.in_edges(body, data=True):
                if data["kind"] == "post_of":
                    for person, _, d in g.in_edges(post, data=True):
                        if d["kind"] == "holds":
                            members.add((person, post, body))
                elif data["kind"] in ("member_of", "leads"):
                    members.add((post, None, body))
        print(f"members: {len(members)}")
    elif question == "neighbors":
        u = g.to_undirected(as_view=True)
        print(f"neighbors: {len(nx.single_source_shortest_path_length(u, sys.argv[3], 2)) - 1}")


if __name__ == "__main__":
    main()
