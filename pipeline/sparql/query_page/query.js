// The query page of `doc2kg serve`: an editor, the example queries, results as a table whose
// IRIs link to the graph page (an entity) and to /resource (any IRI: its triples), downloads.
// A SELECT's rows come a page at a time: /sparql?limit=N+1&offset=K (the server adds LIMIT/OFFSET
// to the query, or wraps a query with its own LIMIT as a subquery); the extra row says whether a
// next page exists. The query text is sent as written.
// Text from the store is only ever inserted with textContent.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("query-data").textContent);
  const editor = document.getElementById("editor");
  const table = document.getElementById("results");
  const status = document.getElementById("status");
  const examples = document.getElementById("examples");
  const help = document.getElementById("example-help");
  const byLength = Object.entries(data.prefixes).sort((a, b) => b[1].length - a[1].length);
  const pageSize = data.page_size;
  const previous = document.getElementById("previous");
  const next = document.getElementById("next");
  // `query`: the text the shown pages belong to (editing the box does not change them until Run).
  const api = { last: null, running: false, query: null, offset: 0 };
  document.getElementById("page-size").textContent = String(pageSize);
  window.doc2kgQuery = api;

  document.getElementById("prefixes").textContent =
    Object.entries(data.prefixes).map(([p, ns]) => "PREFIX " + p + ": <" + ns + ">").join("\n");
  for (const ex of data.examples) {
    const o = document.createElement("option");
    o.value = ex.name; o.textContent = ex.name.replace(/_/g, " ");
    examples.appendChild(o);
  }
  examples.addEventListener("change", () => {
    const ex = data.examples.find((e) => e.name === examples.value);
    if (!ex) return;
    editor.value = ex.text;
    help.textContent = ex.params.length ? "parameters: " + ex.params.join("; ") + " (bind one with VALUES, or leave it open)" : "";
  });
  const fromHash = /^#query=(.*)$/s.exec(location.hash);
  editor.value = fromHash ? decodeURIComponent(fromHash[1]) : data.example;

  function compact(iri) {
    for (const [p, ns] of byLength) {
      if (iri.startsWith(ns) && iri.length > ns.length) {
        const local = iri.slice(ns.length);
        if (/^[A-Za-z0-9_%-][A-Za-z0-9_.%-]*$/.test(local) && !local.endsWith(".")) return p + ":" + local;
      }
    }
    return "<" + iri + ">";
  }
  function entityOf(iri) {
    return iri.startsWith(data.entity_namespace) ? decodeURIComponent(iri.slice(data.entity_namespace.length)) : null;
  }
  function link(text, href, cls) {
    const a = document.createElement("a");
    a.textContent = text; a.href = href;
    if (cls) a.className = cls;
    return a;
  }
  function cellFor(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.type === "uri") {
      const entity = entityOf(term.value);
      const resource = "/resource?iri=" + encodeURIComponent(term.value);
      td.title = term.value; td.className = "iri";
      if (entity !== null) {
        td.appendChild(link(compact(term.value), "/#entity=" + encodeURIComponent(entity), "entity"));
        td.appendChild(link("triples", resource, "triples"));
      } else {
        td.appendChild(link(compact(term.value), resource, "resource"));
      }
    } else {
      td.dir = "auto";
      td.appendChild(document.createTextNode(term.type === "bnode" ? "_:" + term.value : term.value));
      if (term["xml:lang"]) {
        const s = document.createElement("span"); s.className = "lang"; s.textContent = "@" + term["xml:lang"];
        td.appendChild(s);
      }
    }
    return td;
  }
  async function ask(accept, query, offset) {
    const url = offset === undefined ? "/sparql" : "/sparql?limit=" + (pageSize + 1) + "&offset=" + offset;
    return fetch(url, { method: "POST", body: query,
      headers: { "Content-Type": "application/sparql-query", "Accept": accept } });
  }
  async function run(query, offset) {
    if (api.running) return;
    api.running = true;
    previous.disabled = true; next.disabled = true;
    table.replaceChildren(); status.className = ""; status.textContent = "running…";
    const started = performance.now();
    try {
      api.query = query; api.offset = offset;
      const res = await ask("application/sparql-results+json, text/turtle;q=0.9", query, offset);
      const text = await res.text();
      const ms = Math.round(performance.now() - started);
      if (!res.ok) { status.className = "error"; status.textContent = res.status + ": " + text; return; }
      if (!(res.headers.get("Content-Type") || "").includes("json")) {
        const row = document.createElement("tr"), td = document.createElement("td");
        td.style.whiteSpace = "pre"; td.textContent = text; row.appendChild(td); table.appendChild(row);
        status.textContent = "RDF, " + ms + " ms"; api.last = { kind: "graph", ms }; return;
      }
      const result = JSON.parse(text);
      if ("boolean" in result) { status.textContent = String(result.boolean) + " · " + ms + " ms"; api.last = { kind: "ask", ms }; return; }
      const vars = result.head.vars, head = document.createElement("tr");
      for (const v of vars) { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); }
      table.appendChild(head);
      const bindings = result.results.bindings;
      // pageSize + 1 rows: a next page exists; more: the server answered whole (a query with
      // FROM and its own LIMIT cannot be paged), all shown.
      const whole = bindings.length > pageSize + 1;
      const more = !whole && bindings.length > pageSize;
      const shown = more ? bindings.slice(0, pageSize) : bindings;
      for (const b of shown) {
        const row = document.createElement("tr");
        for (const v of vars) row.appendChild(cellFor(b[v]));
        table.appendChild(row);
      }
      const n = shown.length;
      status.textContent = (whole || (offset === 0 && !more) ? n + " row" + (n === 1 ? "" : "s")
        : n ? "rows " + (offset + 1) + "–" + (offset + n) + (more ? "" : " (the last)") : "no rows past " + offset)
        + " · " + ms + " ms";
      previous.disabled = whole || offset === 0;
      next.disabled = !more;
      api.last = { kind: "select", rows: n, offset, more, ms };
    } catch (err) {
      status.className = "error"; status.textContent = String(err);
    } finally {
      api.running = false;
    }
  }
  async function download(accept, ext) {
    const res = await ask(accept, editor.value);
    if (!res.ok) { status.className = "error"; status.textContent = res.status + ": " + await res.text(); return; }
    const a = document.createElement("a");
    a.href = URL.createObjectURL(await res.blob());
    a.download = "doc2kg-query." + ext;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }
  document.getElementById("run").addEventListener("click", () => run(editor.value, 0));
  previous.addEventListener("click", () => run(api.query, Math.max(api.offset - pageSize, 0)));
  next.addEventListener("click", () => run(api.query, api.offset + pageSize));
  document.getElementById("csv").addEventListener("click", () => download("text/csv", "csv"));
  document.getElementById("json").addEventListener("click", () => download("application/sparql-results+json", "json"));
  editor.addEventListener("keydown", (ev) => { if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); run(editor.value, 0); } });
})();
