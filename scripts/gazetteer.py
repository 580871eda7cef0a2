#!/usr/bin/env python3
"""Writes data/gazetteer/vn.tsv: every Vietnamese province, district, commune and ward
before and after the 1 July 2025 reorganization, with codes, parents, successors and
coordinates.

Run by hand from the repository root (it needs PyPI once; the build and tests never do):

    python3 scripts/gazetteer.py            # creates .venv-gazetteer, installs the pinned packages

Sources (pinned below): `vietnamadminunits` (MIT) gives the units, coordinates and the
old → new converter; `vietnam-provinces` is a second, independent list of the 2025 codes,
names and division types, used only to cross-check. Disagreements are printed and make
the script fail.
"""

import json
import os
import sqlite3
import subprocess
import sys
import unicodedata

ADMINUNITS = "vietnamadminunits==1.0.4"
PROVINCES = "vietnam-provinces==2025.10.1"
VENV = ".venv-gazetteer"
OUT = "data/gazetteer/vn.tsv"
CROSSCHECK = "data/gazetteer/crosscheck.tsv"
FORMAT = "govgraph-gazetteer 1"


def ensure_venv():
    """Re-runs this script inside a venv holding the pinned packages."""
    if os.environ.get("GAZETTEER_IN_VENV") == "1":
        return
    py = os.path.join(VENV, "bin", "python")
    if not os.path.exists(py):
        subprocess.check_call([sys.executable, "-m", "venv", VENV])
    subprocess.check_call([py, "-m", "pip", "install", "-q", ADMINUNITS, PROVINCES])
    env = dict(os.environ, GAZETTEER_IN_VENV="1")
    sys.exit(subprocess.call([py, __file__] + sys.argv[1:], env=env))


# Division type (Vietnamese, lowercase) → (level, type column).
PROVINCE_TYPES = {"tỉnh": "tinh", "thành phố": "thanh-pho"}
DISTRICT_TYPES = {"quận": "quan", "huyện": "huyen", "thị xã": "thi-xa", "thành phố": "thanh-pho"}
COMMUNE_TYPES = {"xã": "xa", "phường": "phuong", "thị trấn": "thi-tran", "đặc khu": "dac-khu"}


def split_type(full, types):
    """'Thành phố Hà Nội' → ('thanh-pho', 'Hà Nội')."""
    low = full.lower()
    for word in sorted(types, key=len, reverse=True):
        if low.startswith(word + " "):
            return types[word], full[len(word) + 1:].strip()
    raise SystemExit(f"unknown division type in {full!r}")


def fold(s):
    """Lowercase without diacritics (đ → d)."""
    s = unicodedata.normalize("NFD", s.lower().replace("đ", "d"))
    return "".join(c for c in s if not unicodedata.combining(c))


def coord(x):
    return "" if x is None else f"{x:.4f}"


def clean(s):
    if any(c in s for c in "\t\n\r"):
        raise SystemExit(f"tab or newline in {s!r}")
    return s


def main():
    ensure_venv()
    import importlib.metadata as md
    import vietnamadminunits
    from vietnam_provinces import Province, Ward

    base = os.path.dirname(vietnamadminunits.__file__)
    db = sqlite3.connect(os.path.join(base, "data", "dataset.db"))
    conv = json.load(open(os.path.join(base, "data", "converter_2025.json"), encoding="utf-8"))

    rows = []  # (id, level, type, name, parent, era, lat, lon, successors)
    problems = []

    # The 2025 units.
    new_prov = {}  # provinceKey → id
    new_ward = {}  # (provinceKey, wardKey) → id
    seen = set()
    for r in db.execute(
        "select province, provinceCode, provinceLat, provinceLon, provinceKey,"
        " ward, wardCode, wardType, wardLat, wardLon, wardKey from admin_units"
        " order by provinceCode, wardCode"
    ):
        (prov, pcode, plat, plon, pkey, ward, wcode, wtype, wlat, wlon, wkey) = r
        pid = f"vn-{pcode}"
        if pkey not in new_prov:
            new_prov[pkey] = pid
            ptype, pname = split_type(prov, PROVINCE_TYPES)
            rows.append((pid, "province", ptype, pname, "", "new", coord(plat), coord(plon), ""))
        wid = f"vn-{wcode}"
        if wid in seen:
            problems.append(f"duplicate 2025 code {wcode}")
        seen.add(wid)
        wt, wname = split_type(ward, COMMUNE_TYPES)
        new_ward[(pkey, wkey)] = wid
        rows.append((wid, "commune", wt, wname, pid, "new", coord(wlat), coord(wlon), ""))

    # The old province → new province map.
    old_to_new_prov = {}
    for newkey, olds in conv["DICT_PROVINCE"].items():
        for old in olds:
            old_to_new_prov[old] = new_prov[newkey]

    # Old ward key → new ward ids (the default ward first for divided wards).
    ward_succ = {}
    for newpkey, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for newwkey, olds in wards.items():
            for old in olds:
                ward_succ.setdefault(old, []).append(new_ward[(newpkey, newwkey)])
    for newpkey, olds in conv["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, news in olds.items():
            news = sorted(news, key=lambda n: not n["isDefaultNewWard"])
            for n in news:
                wid = new_ward[(newpkey, n["newWardKey"])]
                if wid not in ward_succ.setdefault(old, []):
                    ward_succ[old].append(wid)

    # The units before 1 July 2025.
    seen_prov, seen_dist = set(), set()
    for r in db.execute(
        "select province, provinceCode, provinceLat, provinceLon, provinceKey,"
        " district, districtCode, districtLat, districtLon, districtKey,"
        " ward, wardCode, wardLat, wardLon, wardKey from admin_units_legacy"
        " order by provinceCode, districtCode, wardCode"
    ):
        (prov, pcode, plat, plon, pkey, dist, dcode, dlat, dlon, dkey,
         ward, wcode, wlat, wlon, wkey) = r
        pid, did, wid = f"vn-old-{pcode}", f"vn-old-{dcode}", f"vn-old-{wcode}"
        succ_prov = old_to_new_prov.get(pkey)
        if succ_prov is None:
            problems.append(f"old province {prov} has no successor")
            succ_prov = ""
        if pid not in seen_prov:
            seen_prov.add(pid)
            ptype, pname = split_type(prov, PROVINCE_TYPES)
            rows.append((pid, "province", ptype, pname, "", "old", coord(plat), coord(plon), succ_prov))
        if did not in seen_dist:
            seen_dist.add(did)
            dtype, dname = split_type(dist, DISTRICT_TYPES)
            rows.append((did, "district", dtype, dname, pid, "old", coord(dlat), coord(dlon), succ_prov))
        if ward is None:  # a district without communes (an island district)
            continue
        if wid in seen:
            problems.append(f"duplicate old code {wcode}")
        seen.add(wid)
        wt, wname = split_type(ward, COMMUNE_TYPES)
        succ = ward_succ.get(f"{pkey}_{dkey}_{wkey}", [])
        if not succ:
            problems.append(f"old ward {ward}, {dist}, {prov} has no successor")
        rows.append((wid, "commune", wt, wname, did, "old", coord(wlat), coord(wlon), ",".join(succ)))

    # Cross-check the 2025 units against vietnam-provinces. Names are compared folded
    # (the two sources place tone marks differently: "Hoà" / "Hòa"); every disagreement
    # is written to crosscheck.tsv, and vietnamadminunits' value is kept.
    by_id = {r[0]: r for r in rows}
    vp_prov = list(Province.iter_all())
    vp_ward = list(Ward.iter_all())
    disagree = []
    for p in vp_prov:
        pid = f"vn-{int(p.code):02d}"
        r = by_id.get(pid)
        if r is None or r[5] != "new":
            disagree.append((pid, "missing", p.name, ""))
        elif not fold(p.name).endswith(fold(r[3])):
            disagree.append((pid, "name", p.name, r[3]))
    agree = 0
    for w in vp_ward:
        wid = f"vn-{int(w.code):05d}"
        r = by_id.get(wid)
        if r is None or r[5] != "new":
            disagree.append((wid, "missing", w.name, ""))
            continue
        t, name = split_type(w.name, COMMUNE_TYPES)
        if (t, fold(name)) != (r[2], fold(r[3])):
            disagree.append((wid, "name", w.name, f"{r[2]} {r[3]}"))
        elif r[4] != f"vn-{int(w.province_code):02d}":
            disagree.append((wid, "province", f"vn-{int(w.province_code):02d}", r[4]))
        else:
            agree += 1
    n_new = sum(1 for r in rows if r[5] == "new" and r[1] == "commune")
    if len(vp_ward) != n_new or len(vp_prov) != len(new_prov):
        problems.append(f"counts: vietnam-provinces {len(vp_prov)}/{len(vp_ward)}, "
                        f"vietnamadminunits {len(new_prov)}/{n_new}")

    if problems:
        for p in problems[:50]:
            print("problem:", p, file=sys.stderr)
        raise SystemExit(f"{len(problems)} problems; nothing written")

    rows.sort(key=lambda r: (r[5] != "new", r[0]))
    counts = {}
    for r in rows:
        counts[(r[5], r[1])] = counts.get((r[5], r[1]), 0) + 1
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"#{FORMAT}\n")
        f.write(f"#sources\t{ADMINUNITS} (MIT)\t{PROVINCES} (cross-check: "
                f"{agree} of {len(vp_ward)} 2025 communes agree in code, name and province; "
                f"{len(disagree)} disagreements in crosscheck.tsv)\n")
        f.write("#counts\t" + "\t".join(f"{e}-{l}={n}" for (e, l), n in sorted(counts.items())) + "\n")
        f.write("id\tlevel\ttype\tname\tparent\tera\tlat\tlon\tsuccessors\n")
        for r in rows:
            f.write("\t".join(clean(x) for x in r) + "\n")
    os.replace(tmp, OUT)
    with open(CROSSCHECK, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"#{FORMAT} cross-check of {ADMINUNITS} (kept) against {PROVINCES}\n")
        f.write("id\twhat\tvietnam-provinces\tvietnamadminunits\n")
        for d in sorted(disagree):
            f.write("\t".join(clean(x) for x in d) + "\n")
    print(f"wrote {OUT}: {len(rows)} units {counts}")
    print(f"versions: {md.version('vietnamadminunits')}, {md.version('vietnam-provinces')}")


if __name__ == "__main__":
    main()
