// govgraph page: explore the embedded graph offline. Our own code, no library.
// Every string from the data is put into the page as text (textContent), never as markup,
// so hostile names cannot inject anything. Links are built from ids with encodeURIComponent.
"use strict";
(function () {
  var DATA = JSON.parse(document.getElementById("govgraph-data").textContent);
  var META = JSON.parse(document.getElementById("govgraph-meta").textContent);
  var E = DATA.entities || [];
  var R = DATA.relations || [];
  var byId = new Map();
  E.forEach(function (e, i) { e.i = i; byId.set(e.id, e); });
  var out = E.map(function () { return []; });
  var inc = E.map(function () { return []; });
  var bySource = new Map();
  R.forEach(function (r, j) {
    r.j = j;
    var f = byId.get(r.from), t = byId.get(r.to);
    if (!f || !t) return;
    out[f.i].push(r); inc[t.i].push(r);
    (r.evidence || []).forEach(function (ev) {
      if (!bySource.has(ev.source)) bySource.set(ev.source, []);
      var list = bySource.get(ev.source);
      if (list[list.length - 1] !== r) list.push(r);
    });
  });

  // ---- names and search -------------------------------------------------------------
  function kindOf(e) { return typeof e.kind === "string" ? e.kind : Object.keys(e.kind)[0]; }
  function kindData(e) { return typeof e.kind === "string" ? {} : e.kind[kindOf(e)] || {}; }
  function display(e) {
    var vi = (e.aliases || []).filter(function (a) { return a.lang === "vi" && a.text.trim(); })[0];
    return vi ? vi.text : e.name;
  }
  function arabic(e) {
    var ar = (e.aliases || []).filter(function (a) { return a.lang === "ar"; })[0];
    return ar ? ar.text : "";
  }
  // The same key as govgraph's `search_key`: diacritics folded, lowercase, Arabic letter
  // variants unified, runs of punctuation and space as one space.
  function fold(text) {
    var s = String(text).normalize("NFD").replace(/[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed]/g, "");
    s = s.replace(/đ/g, "d").replace(/Đ/g, "D").replace(/ß/g, "s").toLowerCase();
    s = s.replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه").replace(/ـ/g, "");
    s = s.replace(/[٠-٩]/g, function (d) { return String(d.charCodeAt(0) - 0x660); });
    return s.replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }
  var keys = E.map(function (e) {
    var texts = [e.id, e.name].concat((e.aliases || []).map(function (a) { return a.text; }));
    return texts.map(fold).join(" | ");
  });
  function search(query) {
    var q = fold(query);
    if (!q) return [];
    var found = [];
    for (var i = 0; i < E.length && found.length < 50; i++) {
      if (kindOf(E[i]) !== "source" && keys[i].indexOf(q) >= 0) found.push(E[i]);
    }
    return found;
  }

  // ---- dates --------------------------------------------------------------------------
  function parseDate(text) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(String(text || "").trim());
    if (!m) return null;
    return { y: +m[1], m: m[2] ? +m[2] : null, d: m[3] ? +m[3] : null };
  }
  function earliest(d) { return [d.y, d.m || 1, d.d || 1]; }
  function latest(d) { return [d.y, d.m || 12, d.d || 31]; }
  function cmp(a, b) { for (var i = 0; i < 3; i++) { if (a[i] !== b[i]) return a[i] - b[i]; } return 0; }
  function onOrBefore(a, b) { return cmp(earliest(a), latest(b)) <= 0; }
  var asOf = null;
  function roleOf(e) { return kindData(e).role; }
  var SINGLE = ["secretary", "standing_deputy_secretary", "chair", "standing_vice_chair", "head", "standing_deputy_head", "director"];
  function bodyOfPost(postId) {
    var p = byId.get(postId);
    var r = p && out[p.i].filter(function (r) { return r.kind === "post_of"; })[0];
    return r ? r.to : null;
  }
  // The rule of `query posts --as-of`: a span covers the date; a report counts from its
  // date until a later report (still by the date) shows someone else in a one-holder post
  // or this person in another post of the same body.
  function inForce(r, date) {
    if (!date) return true;
    var start = parseDate(r.start), end = parseDate(r.end), rep = parseDate(r.as_of);
    if (start || end) return (!start || onOrBefore(start, date)) && (!end || onOrBefore(date, end));
    if (!rep) return true;
    if (r.kind !== "holds") return onOrBefore(rep, date);
    if (!onOrBefore(rep, date)) return false;
    function later(o) {
      var d = parseDate(o.as_of);
      return d && cmp(earliest(d), latest(rep)) > 0 && onOrBefore(d, date);
    }
    var post = byId.get(r.to);
    if (post && SINGLE.indexOf(roleOf(post)) >= 0 &&
        inc[post.i].some(function (o) { return o.kind === "holds" && o.from !== r.from && later(o); })) return false;
    var body = bodyOfPost(r.to);
    var person = byId.get(r.from);
    return !out[person.i].some(function (o) {
      return o.kind === "holds" && o.to !== r.to && later(o) && body && bodyOfPost(o.to) === body;
    });
  }
  function dateText(r) {
    if (r.start && r.end) return r.start + " – " + r.end;
    if (r.start) return "since " + r.start;
    if (r.end) return "until " + r.end;
    if (r.as_of) return "as of " + r.as_of;
    return "date not reported";
  }
  function curated(r) {
    var ev = r.evidence || [];
    return ev.length === 0 || ev.some(function (e) { return !e.method || e.method === "curated"; });
  }
  function confidence(r) {
    var best = 0;
    (r.evidence || []).forEach(function (e) {
      if (e.method && e.method.extracted) best = Math.max(best, e.method.extracted.confidence);
    });
    return best;
  }

  // ---- building the page -------------------------------------------------------------
  function h(tag, attrs) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
    return el;
  }
  function add(el, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { add(el, c); }); return; }
    el.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }
  function link(e, text) {
    return h("a", { href: "#e/" + encodeURIComponent(e.id), "class": "ent", "data-id": e.id }, text || display(e));
  }
  function factLink(r) {
    var n = (r.evidence || []).length;
    return h("a", { href: "#r/" + r.j, "class": "evidence" }, n ? "evidence (" + n + ")" : "record");
  }
  function how(r) {
    return curated(r) ? "curated" : h("span", { "class": "extracted" }, "extracted " + confidence(r) + "%");
  }
  function quotes(r) {
    return (r.evidence || []).map(function (ev) {
      var s = byId.get(ev.source);
      return h("blockquote", { "class": "quote" }, "“" + ev.quote + "” ", h("span", { "class": "muted" }, "— ", s ? link(s, s.name) : ev.source));
    });
  }
  function title(role) {
    return String(role || "").split("_").map(function (w) { return w.charAt(0).toUpperCase() + w.slice(1); }).join(" ");
  }
  function rel(e, kind, dir) {
    var list = (dir === "out" ? out : inc)[e.i].filter(function (r) { return r.kind === kind && inForce(r, asOf); });
    return list.map(function (r) { return { r: r, other: byId.get(dir === "out" ? r.to : r.from) }; });
  }
  function section(name, rows) {
    var empty = !rows || (Array.isArray(rows) && !rows.length);
    return empty ? null : [h("h2", {}, name), rows];
  }
  function factTable(head, items, cells) {
    if (!items.length) return null;
    return h("table", {}, h("tr", {}, head.map(function (c) { return h("th", {}, c); })),
      items.map(function (it) {
        return h("tr", { "class": curated(it.r) ? "" : "extracted" }, cells(it).map(function (c) { return h("td", {}, c); }));
      }));
  }
  function heading(e) {
    var aliases = (e.aliases || []).map(function (a) { return a.text + " (" + a.lang + ")"; });
    return [h("div", { "class": "kind" }, kindOf(e).replace("_", " ")), h("h1", {}, display(e)),
      display(e) !== e.name ? h("div", {}, e.name) : null,
      aliases.length ? h("div", { "class": "aliases" }, "also written: " + aliases.join(" · ")) : null,
      e.note ? h("div", { "class": "muted" }, e.note) : null];
  }

  function personPage(e) {
    var posts = rel(e, "holds", "out");
    return [heading(e),
      section("Posts", factTable(["post", "body", "date", "how", "sources and quotes"], posts, function (it) {
        var body = bodyOfPost(it.other.id);
        return [link(it.other, title(roleOf(it.other)) || it.other.name), body ? link(byId.get(body)) : "",
          dateText(it.r), how(it.r), [factLink(it.r), quotes(it.r)]];
      }) || h("p", { "class": "muted" }, "no posts" + (asOf ? " in force on this date" : ""))),
      section("Groups and bodies led", factTable(["led", "date", "how", "evidence"], rel(e, "leads", "out"), function (it) {
        return [link(it.other), dateText(it.r), how(it.r), [factLink(it.r), quotes(it.r)]];
      })),
      section("Accompanied", factTable(["group", "date", "how", "evidence"], rel(e, "accompanied", "out"), function (it) {
        return [link(it.other), dateText(it.r), how(it.r), [factLink(it.r), quotes(it.r)]];
      })),
      section("Member of", factTable(["body or group", "date", "how", "evidence"], rel(e, "member_of", "out"), function (it) {
        return [link(it.other), dateText(it.r), how(it.r), [factLink(it.r), quotes(it.r)]];
      })),
      section("Meetings chaired", factTable(["meeting", "date", "evidence"], rel(e, "chaired", "out"), function (it) {
        return [link(it.other, it.other.name), kindData(it.other).date || "", [factLink(it.r), quotes(it.r)]];
      })),
      section("Meetings attended", factTable(["meeting", "date", "evidence"], rel(e, "attended", "out"), function (it) {
        return [link(it.other, it.other.name), kindData(it.other).date || "", factLink(it.r)];
      }))];
  }
  function holderRows(body) {
    var rows = [];
    rel(body, "post_of", "in").forEach(function (p) {
      var holders = rel(p.other, "holds", "in");
      if (!holders.length) rows.push({ post: p.other, r: null, person: null });
      holders.forEach(function (hd) { rows.push({ post: p.other, r: hd.r, person: hd.other }); });
    });
    ["leads", "member_of"].forEach(function (k) {
      rel(body, k, "in").forEach(function (m) {
        if (kindOf(m.other) === "person") rows.push({ post: null, label: k === "leads" ? "Leader" : "Member", r: m.r, person: m.other });
      });
    });
    var rank = { secretary: 0, chair: 0, head: 0, director: 0, standing_deputy_secretary: 1, standing_vice_chair: 1, standing_deputy_head: 1, deputy_secretary: 2, vice_chair: 2, deputy_head: 2, deputy_director: 2, deputy: 3, member: 4 };
    rows.sort(function (a, b) {
      var ra = a.post ? (rank[roleOf(a.post)] !== undefined ? rank[roleOf(a.post)] : 5) : 6;
      var rb = b.post ? (rank[roleOf(b.post)] !== undefined ? rank[roleOf(b.post)] : 5) : 6;
      return ra - rb || (a.r && b.r ? String(a.r.start || a.r.as_of || "").localeCompare(String(b.r.start || b.r.as_of || "")) : 0);
    });
    return rows;
  }
  function postTable(body) {
    var rows = holderRows(body);
    if (!rows.length) return h("p", { "class": "muted" }, "no posts reported");
    return h("table", {}, rows.map(function (row) {
      var t = row.post ? link(row.post, title(roleOf(row.post)) || row.post.name) : row.label;
      if (!row.person) return h("tr", {}, h("td", {}, t), h("td", { "class": "muted", colspan: "2" }, "holder not reported"));
      return h("tr", { "class": curated(row.r) ? "" : "extracted" }, h("td", {}, t),
        h("td", {}, link(row.person), arabic(row.person) ? [h("br"), h("span", { "class": "muted" }, arabic(row.person))] : null),
        h("td", {}, dateText(row.r), " ", curated(row.r) ? "" : how(row.r), " ", factLink(row.r)));
    }));
  }
  function bodyPage(e) {
    var parts = rel(e, "part_of", "out"), subs = rel(e, "part_of", "in"), area = rel(e, "within", "out");
    return [heading(e),
      area.length ? h("p", {}, "in ", area.map(function (a) { return link(a.other); })) : null,
      parts.length ? h("p", {}, "part of ", parts.map(function (a) { return [link(a.other), " "]; })) : null,
      h("h2", {}, "Posts and holders"), postTable(e),
      section("Sub-bodies", subs.length ? h("ul", {}, subs.map(function (s) { return h("li", {}, link(s.other)); })) : null),
      section("Working groups set up", factTable(["group", "evidence"], rel(e, "established_by", "in"), function (it) {
        return [link(it.other), factLink(it.r)];
      }))];
  }
  function postPage(e) {
    var body = bodyOfPost(e.id);
    return [heading(e), body ? h("p", {}, "a post of ", link(byId.get(body))) : null,
      h("h2", {}, "Holders"),
      factTable(["holder", "date", "how", "sources and quotes"], rel(e, "holds", "in"), function (it) {
        return [link(it.other), dateText(it.r), how(it.r), [factLink(it.r), quotes(it.r)]];
      }) || h("p", { "class": "muted" }, "holder not reported")];
  }
  function groupBox(g) {
    var people = [["Leader", "leads"], ["Accompanied by", "accompanied"], ["Member", "member_of"]];
    var rows = [];
    people.forEach(function (p) {
      rel(g, p[1], "in").forEach(function (it) {
        rows.push(h("tr", {}, h("td", {}, p[0]), h("td", {}, link(it.other)), h("td", {}, dateText(it.r), " ", factLink(it.r))));
      });
    });
    [["Works with", "works_with"], ["Inspected", "inspected"]].forEach(function (p) {
      var places = rel(g, p[1], "out");
      if (places.length) rows.push(h("tr", {}, h("td", {}, p[0] + " (" + places.length + ")"),
        h("td", { colspan: "2" }, places.map(function (it, k) { return [k ? ", " : "", link(it.other)]; }))));
    });
    return h("div", { "class": "box group" }, h("div", { "class": "head" }, link(g, kindData(g).number ? "Working Group No. " + kindData(g).number : display(g))),
      h("table", {}, rows));
  }
  function groupPage(e) {
    var meetings = rel(e, "took_part", "out");
    return [heading(e),
      h("p", {}, "set up by ", rel(e, "established_by", "out").map(function (it) { return [link(it.other), " "]; })),
      groupBox(e),
      section("Meetings", factTable(["meeting", "date", "evidence"], meetings, function (it) {
        return [link(it.other, it.other.name), kindData(it.other).date || "", factLink(it.r)];
      }))];
  }
  function areasWithin(area) {
    var seen = new Set([area.id]), stack = [area], list = [];
    while (stack.length) {
      var a = stack.pop();
      inc[a.i].forEach(function (r) {
        var o = byId.get(r.from);
        if (r.kind === "within" && kindOf(o) === "area" && !seen.has(o.id)) { seen.add(o.id); list.push(o); stack.push(o); }
      });
    }
    return list;
  }
  var PILLAR = { party_committee: 0, peoples_council: 1, peoples_committee: 2, fatherland_front: 3, national_assembly_delegation: 4, standing_committee: 5, standing_board: 5, commission: 6, office: 7, steering_committee: 8, department: 9 };
  function bodiesIn(area) {
    var list = inc[area.i].filter(function (r) { return r.kind === "within"; }).map(function (r) { return byId.get(r.from); })
      .filter(function (o) { return kindOf(o) === "organization"; });
    // Sub-bodies without an area of their own belong to their parent's area.
    for (var k = 0; k < list.length; k++) {
      inc[list[k].i].forEach(function (r) {
        var o = byId.get(r.from);
        if (r.kind === "part_of" && list.indexOf(o) < 0 && !out[o.i].some(function (x) { return x.kind === "within"; })) list.push(o);
      });
    }
    return list.sort(function (a, b) {
      var pa = PILLAR[kindData(a).classification], pb = PILLAR[kindData(b).classification];
      return (pa === undefined ? 10 : pa) - (pb === undefined ? 10 : pb) || a.name.localeCompare(b.name);
    });
  }
  function chartOf(area) {
    var boxes = bodiesIn(area).map(function (b) {
      return h("div", { "class": "box" }, h("div", { "class": "head" }, link(b)), postTable(b));
    });
    return boxes.length ? h("div", { "class": "chart" }, boxes) : null;
  }
  function groupsOf(area) {
    var places = new Set([area.id].concat(areasWithin(area).map(function (a) { return a.id; })));
    var groups = E.filter(function (g) {
      return kindOf(g) === "working_group" && out[g.i].some(function (r) {
        return (r.kind === "works_with" || r.kind === "inspected") && places.has(r.to) ||
          r.kind === "established_by" && out[byId.get(r.to).i].some(function (x) { return x.kind === "within" && places.has(x.to); });
      });
    });
    return groups.sort(function (a, b) { return (kindData(a).number || 1e9) - (kindData(b).number || 1e9); });
  }
  function areaPage(e) {
    var within = areasWithin(e);
    var svg = META.charts[e.id];
    var lower = within.filter(function (a) { return bodiesIn(a).length; });
    var groups = groupsOf(e);
    return [heading(e),
      rel(e, "within", "out").map(function (it) { return h("p", {}, "in ", link(it.other)); }),
      h("h2", {}, "Org chart"), chartOf(e) || h("p", { "class": "muted" }, "no bodies recorded"),
      lower.map(function (a) { return h("div", { "class": "area" }, h("div", { "class": "name" }, link(a), " (" + kindData(a).level + ")"), chartOf(a)); }),
      svg ? h("p", {}, "Printable chart: ", h("a", { href: encodeURI(svg.org) }, svg.org), svg.groups ? " · " : null, svg.groups ? h("a", { href: encodeURI(svg.groups) }, svg.groups) : null, svg.map ? " · " : null, svg.map ? h("a", { href: encodeURI(svg.map) }, svg.map) : null, h("span", { "class": "muted" }, " (files next to this page in graphs/)")) : null,
      section("Working groups", groups.length ? h("div", { "class": "chart" }, groups.map(groupBox)) : null),
      section("Communes and wards", within.length ? h("p", {}, within.map(function (a, k) { return [k ? ", " : "", link(a), " (" + kindData(a).level + ")"]; })) : null)];
  }
  function eventPage(e) {
    var d = kindData(e).date;
    return [heading(e), d ? h("p", {}, "date: " + d) : null,
      section("People and bodies", factTable(["who", "role", "evidence"], inc[e.i].filter(function (r) { return inForce(r, asOf); }).map(function (r) { return { r: r, other: byId.get(r.from) }; }), function (it) {
        return [link(it.other), it.r.kind, [factLink(it.r), quotes(it.r)]];
      }))];
  }
  function safeUrl(url) { return /^https?:\/\//i.test(url) ? url : null; }
  function sourcePage(e) {
    var d = kindData(e), facts = bySource.get(e.id) || [];
    var url = safeUrl(d.url);
    return [heading(e), h("p", {}, url ? h("a", { href: url, rel: "noreferrer" }, d.url) : d.url, " · ", d.lang || "", d.date ? " · " + d.date : ""),
      section("Facts it supports (" + facts.length + ")", h("ul", {}, facts.map(function (r) {
        return h("li", {}, link(byId.get(r.from)), " " + r.kind.replace("_", " ") + " ", link(byId.get(r.to)), " ", factLink(r));
      })))];
  }
  function relationPage(r) {
    var f = byId.get(r.from), t = byId.get(r.to);
    return [h("div", { "class": "kind" }, "fact"), h("h1", {}, display(f) + " — " + r.kind.replace("_", " ") + " — " + display(t)),
      h("p", {}, link(f), " " + r.kind + " ", link(t), " · " + dateText(r) + " · ", how(r)),
      h("h2", {}, "Evidence"),
      (r.evidence || []).length ? (r.evidence || []).map(function (ev) {
        var s = byId.get(ev.source), url = s && safeUrl(kindData(s).url);
        var m = ev.method && ev.method.extracted ? "extracted by rule " + ev.method.extracted.rule + ", confidence " + ev.method.extracted.confidence + "%" : "curated";
        return h("div", {}, h("blockquote", { "class": "quote" }, "“" + ev.quote + "”"),
          h("p", {}, s ? link(s, s.name) : ev.source, url ? [" · ", h("a", { href: url, rel: "noreferrer" }, kindData(s).url)] : null, " · " + m,
            ev.span ? " · bytes " + ev.span[0] + "–" + ev.span[1] : ""));
      }) : h("p", { "class": "muted" }, "a curated record that cites no article")];
  }

  // ---- path ------------------------------------------------------------------------------
  function path(a, b) {
    var prev = new Map([[a.i, null]]), queue = [a.i];
    for (var q = 0; q < queue.length; q++) {
      var i = queue[q];
      if (i === b.i) break;
      var edges = out[i].concat(inc[i]);
      for (var k = 0; k < edges.length; k++) {
        var r = edges[k];
        if (!inForce(r, asOf)) continue;
        var o = byId.get(r.from === E[i].id ? r.to : r.from);
        if (kindOf(o) === "source" || prev.has(o.i)) continue;
        prev.set(o.i, { from: i, r: r });
        queue.push(o.i);
      }
    }
    if (!prev.has(b.i)) return null;
    var steps = [], cur = b.i;
    while (prev.get(cur)) { steps.unshift({ r: prev.get(cur).r, to: cur }); cur = prev.get(cur).from; }
    return steps;
  }
  function picker(id, placeholder) {
    var input = h("input", { id: id, placeholder: placeholder, list: id + "-list" });
    return input;
  }
  function pathPage(aId, bId) {
    var a = byId.get(aId), b = byId.get(bId);
    var form = h("form", { id: "path-form" }, picker("path-a", "first person"), " → ", picker("path-b", "second person"), " ", h("button", { type: "submit" }, "find path"));
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var x = search(document.getElementById("path-a").value)[0], y = search(document.getElementById("path-b").value)[0];
      if (x && y) location.hash = "#path/" + encodeURIComponent(x.id) + "/" + encodeURIComponent(y.id);
    });
    var result = null;
    if (a && b) {
      var steps = path(a, b);
      result = steps ? h("ol", { "class": "path" }, h("li", {}, link(a)), steps.map(function (s) {
        var r = s.r, forward = r.to === E[s.to].id;
        return h("li", {}, (forward ? "—" + r.kind + "→ " : "←" + r.kind + "— "), link(E[s.to]), " ", factLink(r));
      })) : h("p", {}, "no path between " + display(a) + " and " + display(b));
    }
    return [h("h1", {}, "Path between two people"), form, result];
  }

  // ---- home, search and routing ------------------------------------------------------------
  function home() {
    var tops = E.filter(function (e) { return kindOf(e) === "area" && META.charts[e.id]; });
    return [h("h1", {}, META.title),
      h("p", {}, E.length + " entities, " + R.length + " facts. Search any name in any script, with or without diacritics."),
      h("h2", {}, "Provinces and cities"), h("ul", {}, tops.map(function (e) { return h("li", {}, link(e)); })),
      h("p", {}, h("a", { href: "#path" }, "Find the path between two people"))];
  }
  function results(query) {
    var found = search(query);
    return [h("h1", {}, "Search: " + query),
      found.length ? h("ul", { "class": "results" }, found.map(function (e) {
        var ar = arabic(e);
        return h("li", {}, link(e), " ", h("span", { "class": "kind" }, kindOf(e).replace("_", " ")), ar ? [" ", h("span", { "class": "muted" }, ar)] : null);
      })) : h("p", {}, "nothing found")];
  }
  function page(hash) {
    var parts = hash.replace(/^#/, "").split("/").map(function (p) { try { return decodeURIComponent(p); } catch (err) { return p; } });
    if (parts[0] === "e" && byId.has(parts[1])) {
      var e = byId.get(parts[1]);
      var render = { person: personPage, organization: bodyPage, post: postPage, working_group: groupPage, area: areaPage, event: eventPage, source: sourcePage }[kindOf(e)];
      return render(e);
    }
    if (parts[0] === "r" && R[+parts[1]]) return relationPage(R[+parts[1]]);
    if (parts[0] === "q") return results(parts.slice(1).join("/"));
    if (parts[0] === "path") return pathPage(parts[1], parts[2]);
    return home();
  }
  function show() {
    var main = document.getElementById("main");
    main.textContent = "";
    add(main, page(location.hash));
    window.scrollTo(0, 0);
  }
  document.getElementById("search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var q = document.getElementById("search").value;
    var found = search(q);
    location.hash = found.length === 1 ? "#e/" + encodeURIComponent(found[0].id) : "#q/" + encodeURIComponent(q);
  });
  var asofInput = document.getElementById("asof");
  asofInput.addEventListener("change", function () {
    var d = parseDate(asofInput.value);
    asofInput.setCustomValidity(asofInput.value && !d ? "YYYY, YYYY-MM or YYYY-MM-DD" : "");
    asOf = d;
    document.getElementById("asof-note").textContent = d ? "showing facts in force on " + asofInput.value : "showing every fact, dated";
    show();
  });
  window.addEventListener("hashchange", show);
  show();
})();
