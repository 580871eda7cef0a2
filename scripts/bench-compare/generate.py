#!/usr/bin/env python3
"""Writes a synthetic govgraph data directory of about N entities and 3N relations.

Usage: generate.py N DIR

Our own format and invented names (never corpus text): 34 provinces, each with a party
committee under one national body, communes with their own committees, and people who each
hold a post, hold two more (one as of a date, one for a term) and are members of two
committees. Every relation cites one of a few thousand evidence sentences, as articles do.
Deterministic: the same N gives the same files.
"""

import os
import sys

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc"]
ROLES = ["member", "deputy_secretary", "vice_chair", "deputy_head", "deputy_director"]
CHUNK = 25000


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(os.path.join(out, "records"), exist_ok=True)
    os.makedirs(os.path.join(out, "articles"), exist_ok=True)
    provinces = 34
    communes = max(provinces, min(3321, n // 300))
    sources = 1000
    fixed = 2 + 2 * provinces + 2 * communes + sources
    people = max(1, (n - fixed) // 2)
    path = os.path.join(out, "records", "national.ron")
    with open(path, "w", encoding="utf-8") as f:
        w = f.write
        w("(entities: [\n")
        w('(id: "area:vn", name: "Việt Nam", kind: area(level: country)),\n')
        w('(id: "org:national", name: "Ban Chấp hành Trung ương", '
          "kind: organization(classification: central_committee)),\n")
        for s in range(sources):
            w(f'(id: "source:s{s}", name: "Bài {s}", kind: source(url: '
              f'"https://example.org/bai-{s}", lang: vi, date: "2025-0{1 + s % 9}-1{s % 10}")),\n')
        for p in range(provinces):
            w(f'(id: "area:p{p}", name: "Tỉnh Số {p}", kind: area(level: province)),\n')
            w(f'(id: "org:p{p}", name: "Tỉnh ủy Số {p}", '
              "kind: organization(classification: party_committee)),\n")
        for c in range(communes):
            w(f'(id: "area:c{c}", name: "Xã Số {c}", kind: area(level: commune)),\n')
            w(f'(id: "org:c{c}", name: "Đảng ủy xã Số {c}", '
              "kind: organization(classification: party_committee)),\n")
        w("], relations: [\n")
        for p in range(provinces):
            w(f'(kind: within, from: "area:p{p}", to: "area:vn"),\n')
            w(f'(kind: within, from: "org:p{p}", to: "area:p{p}"),\n')
            w(f'(kind: part_of, from: "org:p{p}", to: "org:national"),\n')
        for c in range(communes):
            p = c % provinces
            w(f'(kind: within, from: "area:c{c}", to: "area:p{p}"),\n')
            w(f'(kind: within, from: "org:c{c}", to: "area:c{c}"),\n')
            w(f'(kind: part_of, from: "org:c{c}", to: "org:p{p}"),\n')
        w("])\n")
    # People in files of CHUNK each (a file stays far below the reader's size limit).
    for first in range(0, people, CHUNK):
        path = os.path.join(out, "records", f"people-{first // CHUNK:04}.ron")
        with open(path, "w", encoding="utf-8") as f:
            w = f.write
            w("(entities: [\n")
            for i in range(first, min(people, first + CHUNK)):
                name = f"{FAMILY[i % 10]} {MIDDLE[(i // 10) % 8]} {i}"
                w(f'(id: "person:n{i}", name: "{name}", kind: person),\n')
                w(f'(id: "post:n{i}", name: "Chức vụ {i}", kind: post(role: {ROLES[i % 5]})),\n')
            w("], relations: [\n")
            for i in range(first, min(people, first + CHUNK)):
                c = i % communes
                p = c % provinces
                q = (i * 7 + 1) % people
                r = (i * 13 + 5) % people
                k = i % 3000
                ev = (f'evidence: [(source: "source:s{k % sources}", '
                      f'quote: "Đồng chí số {k} được bầu giữ chức vụ mới.")]')
                w(f'(kind: post_of, from: "post:n{i}", to: "org:c{c}", {ev}),\n')
                w(f'(kind: holds, from: "person:n{i}", to: "post:n{i}", {ev}),\n')
                w(f'(kind: holds, from: "person:n{i}", to: "post:n{q}", as_of: "2025", {ev}),\n')
                w(f'(kind: holds, from: "person:n{i}", to: "post:n{r}", start: "2020-05", '
                  f'end: "2024-11", {ev}),\n')
                w(f'(kind: member_of, from: "person:n{i}", to: "org:c{c}", {ev}),\n')
                w(f'(kind: member_of, from: "person:n{i}", to: "org:p{p}", {ev}),\n')
            w("])\n")
    with open(os.path.join(out, "people"), "w") as f:
        f.write(f"{people}\n")
    print(f"{out}: {fixed + 2 * people} entities, "
          f"{3 * provinces + 3 * communes + 6 * people} relations, {people} people")


if __name__ == "__main__":
    main()
