"""Loads govgraph's exports into the tools users load them with, and checks the answers.

Run by the integration test `exports` (tests/it/exports.rs) with the Python of the virtual
environment `.ci/run` creates: `python check_exports.py DIR`, where DIR holds the exports
(`graph.node-link.json`, `graph.graphml`, `graph.gexf`, `graph.nt`, `graph.ttl`,
`graph.ftm.jsonl`, the `kuzu/` folder) and `expected.json`, govgraph's own answers:
`{"leads": [[group, person], ...], "path": {"from", "to", "length"} or null, "nodes", "edges"}`.
Prints one line per check and `N passed, 0 failed`; exits 1 on the first disagreement.
"""

import json
import os
import sys
import tempfile


def fail(message):
    print(f"FAILED: {message}")
    sys.exit(1)


def check(passed, name, detail=""):
    if not passed:
        fail(f"{name}: {detail}")
    print(f"ok {name}")
    return 1


def networkx_checks(root, expected):
    import networkx as nx

    n = 0
    with open(os.path.join(root, "graph.node-link.json"), encoding="utf-8") as f:
        graph = nx.node_link_graph(json.load(f))
    for name, g in [
        ("node-link", graph),
        ("graphml", nx.read_graphml(os.path.join(root, "graph.graphml"))),
        ("gexf", nx.read_gexf(os.path.join(root, "graph.gexf"))),
    ]:
        size = (g.number_of_nodes(), g.number_of_edges())
        n += check(g.is_directed(), f"networkx reads {name} directed")
        n += check(
            size == (expected["nodes"], expected["edges"]),
            f"networkx reads every node and edge of {name}",
            f"{size}",
        )
        leads = sorted(
            [v, u]
            for u, v, data in g.edges(data=True)
            if data.get("relation") == "leads" and g.nodes[v].get("kind") == "working_group"
        )
        n += check(leads == expected["leads"], f"{name}: who leads which group", f"{leads}")
    # The node-link graph writes back out as GraphML: every attribute is flat.
    with tempfile.TemporaryDirectory() as tmp:
        nx.write_graphml(graph, os.path.join(tmp, "again.graphml"))
        nx.write_gexf(graph, os.path.join(tmp, "again.gexf"))
    return n + check(True, "networkx writes the node-link graph as GraphML and GEXF")


def kuzu_checks(root, expected):
    try:
        import kuzu
    except ImportError:
        import real_ladybug as kuzu
    folder = os.path.join(root, "kuzu")
    with tempfile.TemporaryDirectory() as tmp:
        here = os.getcwd()
        os.chdir(folder)
        try:
            connection = kuzu.Connection(kuzu.Database(os.path.join(tmp, "db")))
            connection.execute(open("load.cypher", encoding="utf-8").read())
        finally:
            os.chdir(here)

        def rows(query, **parameters):
            result = connection.execute(query, parameters)
            out = []
            while result.has_next():
                out.append(result.get_next())
            return out

        n = 0
        count = rows("MATCH (x) RETURN count(x)")[0][0]
        n += check(count == expected["nodes"], "kuzu loads every node", f"{count}")
        count = rows("MATCH ()-[r]->() RETURN count(r)")[0][0]
        n += check(count == expected["edges"], "kuzu loads every relationship", f"{count}")
        leads = rows(
            "MATCH (p:Person)-[:Leads]->(g:WorkingGroup) RETURN g.id, p.id ORDER BY g.id, p.id"
        )
        n += check(leads == expected["leads"], "kuzu: who leads which group (Cypher)", f"{leads}")
        path = expected["path"]
        if path is None:
            return n
        found = rows(
            "MATCH p = (a {id: $from})-[* SHORTEST 1..8]-(b {id: $to}) RETURN length(p)",
            **{"from": path["from"], "to": path["to"]},
        )
        n += check(
            found and found[0][0] == path["length"],
            "kuzu: shortest path length agrees with govgraph query path",
            f"{found} vs {path['length']}",
        )
        return n


LEADS_SPARQL = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX gg: <urn:govgraph:vocab:>
SELECT ?group ?person WHERE {
  ?m a org:Membership ;
     org:role <urn:govgraph:vocab:role/leader> ;
     org:member ?person ;
     org:organization ?group .
  ?group a gg:WorkingGroup .
} ORDER BY ?group ?person
"""

EVIDENCE_SPARQL = """
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT (COUNT(?m) AS ?bare) WHERE {
  ?m a org:Membership .
  FILTER NOT EXISTS { ?m prov:wasDerivedFrom/prov:wasQuotedFrom ?source }
}
"""


def rdf_checks(root, expected):
    import pyoxigraph as ox

    n = 0
    sizes = []
    for name, fmt in [("graph.nt", ox.RdfFormat.N_TRIPLES), ("graph.ttl", ox.RdfFormat.TURTLE)]:
        store = ox.Store()
        store.load(path=os.path.join(root, name), format=fmt)
        sizes.append(len(store))
        strip = lambda iri: iri.value.removeprefix("urn:govgraph:")
        leads = [[strip(s["group"]), strip(s["person"])] for s in store.query(LEADS_SPARQL)]
        n += check(leads == expected["leads"], f"pyoxigraph SPARQL on {name}: who leads which group", f"{leads}")
        bare = int(next(iter(store.query(EVIDENCE_SPARQL)))["bare"].value)
        n += check(bare == 0, f"{name}: every membership quotes its source", f"{bare} without")
    return n + check(sizes[0] == sizes[1], "N-Triples and Turtle hold the same statements", f"{sizes}")


def ftm_checks(root):
    from followthemoney import model

    with open(os.path.join(root, "graph.ftm.jsonl"), encoding="utf-8") as f:
        entities = [json.loads(line) for line in f]
    ids = {e["id"]: e for e in entities}
    check(len(ids) == len(entities), "FollowTheMoney ids are unique")
    schemata = set()
    for entity in entities:
        schema = model.get(entity["schema"])
        if schema is None:
            fail(f"{entity['id']}: unknown schema {entity['schema']}")
        try:
            schema.validate(entity)
        except Exception as error:
            fail(f"{entity['id']}: {getattr(error, 'errors', error)}")
        proxy = model.get_proxy(entity, cleaned=False)
        for key, values in entity["properties"].items():
            prop = schema.get(key)
            if prop is None:
                fail(f"{entity['id']}: {schema.name} has no property {key}")
            if sorted(proxy.get(key)) != sorted(values):
                fail(f"{entity['id']}: {key} {values} cleaned to {proxy.get(key)}")
            if prop.type.name == "entity":
                for value in values:
                    other = ids.get(value)
                    if other is None or not model.get(other["schema"]).is_a(prop.range):
                        fail(f"{entity['id']}: {key} points at {value}, not a {prop.range.name}")
        for key in schema.required:
            if not entity["properties"].get(key):
                fail(f"{entity['id']}: required {key} missing")
        if schema.name in ("Occupancy", "Membership") and not entity["properties"].get("sourceUrl"):
            fail(f"{entity['id']}: no sourceUrl")
        schemata.add(schema.name)
    wanted = {"Person", "Position", "Occupancy", "PublicBody", "Membership"}
    check(wanted <= schemata, "FollowTheMoney has every schema", f"{sorted(schemata)}")
    return check(True, f"followthemoney validates all {len(entities)} entities")


def main():
    root = sys.argv[1]
    with open(os.path.join(root, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    passed = networkx_checks(root, expected)
    passed += kuzu_checks(root, expected)
    passed += rdf_checks(root, expected)
    passed += ftm_checks(root)
    print(f"{passed} passed, 0 failed")


if __name__ == "__main__":
    main()
