// doc2kg graph page: reads the JSON data block, draws it with vis-network, and wires search,
// filters, the details panel, the document view and the exports. Untrusted text is only ever
// set with textContent (never innerHTML), and vis-network draws labels on the canvas as text.
//
// Filters draw a vis.DataView of the nodes; a node a filter takes out leaves its last
// position in the DataSet, so it comes back where it was (not piled up in the centre).
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const FONT = '"Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif';
  const DIM = "rgba(190,190,190,0.35)";
  const LABEL_SIZE = 14;
  const LABEL_MIN_PX = 12;  // on-screen size of a top node's label at any zoom
  const DRAW_THRESHOLD = 6;  // labels drawn smaller than this (px) are left out

  // --- text folding, the same tables as pipeline/language/normalize.py -----------------
  const drop = new Set(Array.from(data.fold.drop));
  const fmap = new Map(Object.entries(data.fold.map));
  const foldCache = new Map();
  function foldChar(ch) {
    let out = foldCache.get(ch);
    if (out !== undefined) return out;
    if (drop.has(ch)) out = "";
    else if (fmap.has(ch)) out = fmap.get(ch);
    else if (ch.charCodeAt(0) < 128) out = ch.toLowerCase();
    else if (ch >= "\u0600" && ch <= "\u06ff") out = ch;
    else out = ch.toLowerCase().normalize("NFKD").replace(/\p{M}/gu, "") || ch;
    foldCache.set(ch, out);
    return out;
  }
  function normalize(text) {
    let out = "";
    for (const ch of String(text)) out += foldChar(ch);
    return out;
  }

  // --- consonant skeletons, the same rules as pipeline/language/transliterate.py ----------
  const T = data.translit;
  const abdArticle = new RegExp(T.abd_article, "g");
  const seqEndingH = T.latin_sequences.map((p) => p[0]).filter((k) => k.endsWith("h"));
  function collapse(s) { return s.replace(/(.)\1+/g, "$1"); }
  function arabicWord(w) {
    for (const a of T.arabic_articles) if (w.startsWith(a) && w.length > a.length + 1) { w = w.slice(a.length); break; }
    if (T.arabic_articles.includes(w)) return "";
    if ((w.endsWith("\u0647") || w.endsWith("\u0629")) && w.length > 1) w = w.slice(0, -1);
    return Array.from(w).map((c) => T.arabic[c] || "").join("");
  }
  function latinWord(w) {
    if (Object.prototype.hasOwnProperty.call(T.latin_particles, w)) return T.latin_particles[w];
    if (T.latin_articles.includes(w)) return "";
    if (w.endsWith("h") && !seqEndingH.some((k) => w.endsWith(k))) w = w.slice(0, -1);
    let out = "";
    let i = 0;
    while (i < w.length) {
      const seq = T.latin_sequences.find((p) => w.startsWith(p[0], i));
      if (seq) { out += seq[1]; i += seq[0].length; } else { out += T.latin_letters[w[i]] || ""; i += 1; }
    }
    return out;
  }
  function skeleton(text) {
    text = String(text);
    let words;
    if (/[\u0600-\u06ff]/.test(text)) {
      text = text.replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "").replace(/[\u0623\u0625\u0622\u0671]/g, "\u0627");
      words = (text.match(/[\u0621-\u064a\u067e-\u06cc]+/g) || []).map(arabicWord);
    } else {
      text = Array.from(text.toLowerCase()).map((c) => T.latin_special[c] || c).join("");
      text = text.normalize("NFKD").replace(/\p{M}/gu, "").replace(abdArticle, "abd ");
      text = text.replace(/\b([a-z]{1,3})[-'\u2019](?=[a-z])/g, "$1 ");
      words = (text.match(/[a-z]+/g) || []).map(latinWord);
    }
    return collapse(words.join(""));
  }

  // --- elements built from text only ----------------------------------------------------
  function el(tag, text, cls) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function line(parent, text, cls) {
    const d = el("div", text, cls);
    d.dir = "auto";
    parent.appendChild(d);
    return d;
  }
  function button(text, title, onClick, cls) {
    const b = el("button", text, cls);
    b.type = "button";
    if (title) b.title = title;
    b.addEventListener("click", onClick);
    return b;
  }
  const SVG = "http://www.w3.org/2000/svg";
  const SHAPES = {
    dot: "M8 1.5a6.5 6.5 0 1 0 0.01 0Z", square: "M2 2H14V14H2Z", diamond: "M8 1L15 8L8 15L1 8Z",
    triangle: "M8 1.5L15 14H1Z", triangleDown: "M1 2H15L8 14.5Z", hexagon: "M4.5 2H11.5L15 8L11.5 14H4.5L1 8Z",
    star: "M8 1L9.9 6H15L10.9 9.2L12.4 14.5L8 11.3L3.6 14.5L5.1 9.2L1 6H6.1Z", box: "M1 4H15V12H1Z",
  };
  function shapeIcon(info) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", SHAPES[info.shape] || SHAPES.dot);
    if (info.dashes) {  // an outline shape (Location: the square of City, drawn dashed)
      path.setAttribute("fill", "#ffffff");
      path.setAttribute("stroke", info.color);
      path.setAttribute("stroke-width", "2");
      path.setAttribute("stroke-dasharray", "3 2");
    } else {
      path.setAttribute("fill", info.color);
    }
    svg.appendChild(path);
    return svg;
  }

  // --- vis data ------------------------------------------------------------------------
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const big = !data.physics;
  const edgesOf = new Map(data.nodes.map((n) => [n.id, []]));
  for (const e of data.edges) { edgesOf.get(e.from).push(e); if (e.to !== e.from) edgesOf.get(e.to).push(e); }
  function typeInfo(n) { return data.types[n.type] || {}; }
  function nodeColor(n) { return typeInfo(n).color || "#79706e"; }
  function edgeColor(e) { return (data.relations[e.type] || {}).color || "#888888"; }
  function nodeStyle(n) {
    const c = nodeColor(n);
    return typeInfo(n).dashes
      ? { color: { background: "#ffffff", border: c }, borderWidth: 3, shapeProperties: { borderDashes: [5, 3] } }
      : { color: { background: c, border: c } };
  }
  const visNodes = data.nodes.map((n) => {
    const item = { id: n.id, label: n.label, shape: typeInfo(n).shape || "dot", size: n.size, font: { color: "#222" }, ...nodeStyle(n) };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  });
  // A role that has ended (former, the late) is drawn with short dashes; negated or hedged, long ones.
  const ENDED = new Set(["former", "late"]);
  const ENDED_DASHES = [2, 6];
  function ended(e) { return ENDED.has(e.status); }
  const visEdges = data.edges.map((e) => {
    const item = {
      id: e.id, from: e.from, to: e.to, label: (e.negated ? "not " : "") + e.type + (ended(e) ? " (" + e.status + ")" : ""),
      arrows: e.symmetric ? "" : "to", dashes: e.negated || e.hedged ? true : ended(e) ? ENDED_DASHES : false,
      color: { color: edgeColor(e), opacity: 0.8 },
    };
    if (!big && e.parallel > 0) {
      item.smooth = { enabled: true, type: e.parallel % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(e.parallel / 2) + 0.1 };
    }
    return item;
  });
  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);

  // --- filters -------------------------------------------------------------------------
  // A node is shown when its type is ticked, it is in the picked document (a date: when a
  // fact of that document gives it) and it has at least `minDegree` shown links; a pinned
  // node (a search hit, an expanded neighbour) is shown whatever the filters say.
  const state = {
    types: new Set(Object.keys(data.types)), relations: new Set(Object.keys(data.relations)),
    doc: null, minDegree: 0, hideIsolated: false, pinned: new Set(), from: "", to: "", hideUndated: false,
  };
  // The time filter. A fact with a valid time (a role's since / until, an event's date on its
  // occurredOn) stays when that time overlaps [from, to] (a role 2013\u20132017 is in 2015, out in
  // 2019; "since 2019" is in 2024); any other fact by the publication dates of its documents
  // (the report time). A node stays when one of its times meets the range: its own date (a
  // date node), its documents' dates and the valid times of its facts. Dates meet at the
  // coarser precision of the two ("2015" meets from "2015-06-01"). Undated ones stay unless
  // "hide undated" is ticked.
  const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
  const isDate = (d) => typeof d === "string" && DATE.test(d);
  const point = (d) => [d, d];  // a date is the span from itself to itself
  const nodeDates = new Map(data.nodes.map((n) => [n.id,
    [...(n.kind === "literal" && isDate(n.name) ? [n.name] : []), ...n.docs.map((i) => data.documents[i].date)].filter(isDate).map(point)]));
  // A fact's valid time: [start, end] spans ("" an open side), the fact's and each document's.
  function validTime(e) {
    const to = byId.get(e.to);
    if (e.type === "occurredOn" && to && to.kind === "literal" && isDate(to.name)) return [point(to.name)];
    const spans = [e, ...Object.values(e.by_doc || {})]
      .map((t) => [isDate(t.start) ? t.start : "", isDate(t.end) ? t.end : ""]).filter(([s, f]) => s || f);
    return spans.filter((s, i) => spans.findIndex((o) => o[0] === s[0] && o[1] === s[1]) === i);
  }
  const edgeDates = new Map(data.edges.map((e) => {
    const valid = validTime(e);
    return [e.id, valid.length ? valid : e.docs.map((i) => data.documents[i].date).filter(isDate).map(point)];
  }));
  for (const e of data.edges) {
    const valid = validTime(e);
    if (e.type === "occurredOn") { if (valid.length) nodeDates.get(e.from).push(...valid); }
    else for (const id of [e.from, e.to]) nodeDates.get(id).push(...valid);
  }
  const before = (a, b) => { const k = Math.min(a.length, b.length); return a.slice(0, k) <= b.slice(0, k); };
  // Span [s, f] overlaps [lo, hi]: it does not end before lo nor start after hi.
  function meets([s, f], lo, hi) {
    return (!lo || !f || before(lo, f)) && (!hi || !s || before(s, hi));
  }
  function inTime(dates) {
    if (!dates.length) return !state.hideUndated;
    return (!state.from && !state.to) || dates.some((d) => meets(d, state.from, state.to));
  }
  let shownNodes = new Set(data.nodes.map((n) => n.id));
  let shownEdges = new Set(data.edges.map((e) => e.id));
  let drawnEdges = new Set(shownEdges);
  const shownDegree = new Map();
  function computeVisible() {
    const base = new Set();
    for (const n of data.nodes) {
      if (state.pinned.has(n.id) || (state.types.has(n.type) && (state.doc === null || n.docs.includes(state.doc))
        && inTime(nodeDates.get(n.id)))) base.add(n.id);
    }
    // Drawn: the edges of the ticked relations and the picked document. vis-network leaves out
    // an edge whose node is out of the view, so a type filter changes no edge (re-adding
    // thousands of edges is what makes a filter slow).
    drawnEdges = new Set(data.edges.filter((e) => state.relations.has(e.type)
      && (state.pinned.has(e.from) || state.pinned.has(e.to)
          || ((state.doc === null || e.docs.includes(state.doc)) && inTime(edgeDates.get(e.id))))).map((e) => e.id));
    let candidate = data.edges.filter((e) => drawnEdges.has(e.id) && base.has(e.from) && base.has(e.to));
    const degree = new Map();
    for (const e of candidate) { degree.set(e.from, (degree.get(e.from) || 0) + 1); degree.set(e.to, (degree.get(e.to) || 0) + 1); }
    const need = Math.max(state.minDegree, state.hideIsolated ? 1 : 0);
    const keep = new Set(Array.from(base).filter((id) => state.pinned.has(id) || (degree.get(id) || 0) >= need));
    candidate = candidate.filter((e) => keep.has(e.from) && keep.has(e.to));
    shownDegree.clear();
    for (const e of candidate) { shownDegree.set(e.from, (shownDegree.get(e.from) || 0) + 1); shownDegree.set(e.to, (shownDegree.get(e.to) || 0) + 1); }
    return [keep, new Set(candidate.map((e) => e.id))];
  }
  [shownNodes, shownEdges] = computeVisible();  // everything, and the shown degrees
  function applyFilters({ fit = true } = {}) {
    const [keepNodes, keepEdges] = computeVisible();
    const leaving = Array.from(shownNodes).filter((id) => !keepNodes.has(id));
    const where = network.getPositions(leaving);
    shownNodes = keepNodes;
    shownEdges = keepEdges;
    nodeView.refresh();
    edgeView.refresh();
    // Out of the view now, so this update only stores the place each comes back to.
    if (leaving.length) nodes.update(leaving.filter((id) => where[id]).map((id) => ({ id, x: where[id].x, y: where[id].y })));
    if (api.highlighted && !shownNodes.has(api.highlighted.node)) clearHighlight();
    else if (api.highlighted) highlight(api.highlighted.node);
    showCounts();
    if (fit) fitView();
    else updateTopLabels();
  }
  const counters = { types: new Map(), relations: new Map() };
  function checkbox(list, name, info, set, icon, counterMap) {
    const li = el("li");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.dataset.name = name;
    box.addEventListener("change", () => { if (box.checked) set.add(name); else set.delete(name); applyFilters(); });
    const label = el("label");
    label.appendChild(box);
    li.appendChild(label);
    if (icon) label.appendChild(icon);
    label.appendChild(el("span", name));
    const count = el("span", info.count, "count");
    counterMap.set(name, count);
    li.appendChild(count);
    list.appendChild(li);
  }
  const typeList = document.getElementById("type-filter");
  for (const [t, info] of Object.entries(data.types)) checkbox(typeList, t, info, state.types, shapeIcon(info), counters.types);
  const relList = document.getElementById("relation-filter");
  for (const [r, info] of Object.entries(data.relations)) {
    const icon = el("span", info.symmetric ? "\u2014" : "\u2192");
    icon.style.color = info.color;
    icon.style.fontWeight = "bold";
    checkbox(relList, r, info, state.relations, icon, counters.relations);
  }
  const docSelect = document.getElementById("doc-filter");
  data.documents.forEach((d, i) => {
    const opt = el("option", docLabel(i));
    opt.value = String(i);
    docSelect.appendChild(opt);
  });
  docSelect.addEventListener("change", () => { state.doc = docSelect.value === "" ? null : Number(docSelect.value); applyFilters(); });
  document.getElementById("doc-open").addEventListener("click", () => {
    openDocument(docSelect.value === "" ? 0 : Number(docSelect.value));
  });
  const isolatedBox = document.getElementById("hide-isolated");
  isolatedBox.addEventListener("change", () => { state.hideIsolated = isolatedBox.checked; applyFilters(); });
  const degreeInput = document.getElementById("min-degree");
  const maxDegree = Math.max(1, ...data.nodes.map((n) => n.degree || 0));
  degreeInput.max = String(Math.min(maxDegree, 50));
  const degreeValue = document.getElementById("min-degree-value");
  degreeInput.addEventListener("input", () => {
    state.minDegree = Number(degreeInput.value);
    degreeValue.textContent = degreeInput.value;
    applyFilters();
  });
  const timeFrom = document.getElementById("time-from");
  const timeTo = document.getElementById("time-to");
  const undatedBox = document.getElementById("hide-undated");
  function readTime() {
    // A bound that is no date (yet) is no bound; the field says so.
    for (const [input, key] of [[timeFrom, "from"], [timeTo, "to"]]) {
      const v = input.value.trim();
      input.classList.toggle("invalid", v !== "" && !DATE.test(v));
      state[key] = DATE.test(v) ? v : "";
    }
    state.hideUndated = undatedBox.checked;
    applyFilters();
  }
  timeFrom.addEventListener("change", readTime);
  timeTo.addEventListener("change", readTime);
  undatedBox.addEventListener("change", readTime);
  const allDates = [...nodeDates.values(), ...edgeDates.values()].flat(2).filter(Boolean).sort();
  if (allDates.length) {
    timeFrom.placeholder = allDates[0].slice(0, 4);
    timeTo.placeholder = allDates[allDates.length - 1].slice(0, 4);
  }
  function resetFilters() {
    Object.keys(data.types).forEach((t) => state.types.add(t));
    Object.keys(data.relations).forEach((r) => state.relations.add(r));
    state.doc = null;
    state.minDegree = 0;
    state.hideIsolated = false;
    state.from = "";
    state.to = "";
    state.hideUndated = false;
    timeFrom.value = "";
    timeTo.value = "";
    timeFrom.classList.remove("invalid");
    timeTo.classList.remove("invalid");
    undatedBox.checked = false;
    state.pinned.clear();
    docSelect.value = "";
    isolatedBox.checked = false;
    degreeInput.value = "0";
    degreeValue.textContent = "0";
    document.querySelectorAll(".filter input").forEach((b) => { b.checked = true; });
    applyFilters();
  }
  function showCounts() {
    const types = new Map();
    for (const id of shownNodes) { const t = byId.get(id).type; types.set(t, (types.get(t) || 0) + 1); }
    for (const [t, span] of counters.types) span.textContent = (types.get(t) || 0) + " / " + data.types[t].count;
    const rels = new Map();
    for (const id of shownEdges) { const r = edgeById.get(id).type; rels.set(r, (rels.get(r) || 0) + 1); }
    for (const [r, span] of counters.relations) span.textContent = (rels.get(r) || 0) + " / " + data.relations[r].count;
    document.getElementById("stats").textContent =
      shownNodes.size + " / " + data.nodes.length + " nodes, " + shownEdges.size + " / " + data.edges.length + " edges" +
      (state.pinned.size ? " (" + state.pinned.size + " pinned)" : "") + (big ? " \u00b7 layout precomputed, physics off" : "");
  }

  // --- network -------------------------------------------------------------------------
  const options = {
    autoResize: true,
    nodes: { font: { face: FONT, size: LABEL_SIZE, strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1,
      scaling: { label: { drawThreshold: DRAW_THRESHOLD } } },
    edges: { width: 1, font: { face: FONT, size: 10, align: "middle", color: "#555", strokeWidth: 2 },
      arrows: { to: { scaleFactor: 0.5 } }, smooth: big ? false : { enabled: true, type: "continuous" },
      selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, navigationButtons: false,
      keyboard: false },
    layout: { improvedLayout: false, randomSeed: 7 },
    physics: big ? { enabled: false } : {
      enabled: true, solver: "forceAtlas2Based",
      forceAtlas2Based: { gravitationalConstant: -90, springLength: 160, avoidOverlap: 0.6 },
      stabilization: { enabled: true, iterations: 400, updateInterval: 50, fit: true },
    },
  };
  const container = document.getElementById("graph");
  const nodeView = new vis.DataView(nodes, { filter: (item) => shownNodes.has(item.id) });
  const edgeView = new vis.DataView(edges, { filter: (item) => drawnEdges.has(item.id) });
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  const api = {
    network, nodes, edges, data, normalize, skeleton, search, searchMatches, focus, showTooltip, showNode, showEdge,
    openDocument, fitView, resetFilters, applyFilters, expand, exportPng, exportCsv, nodesCsv, edgesCsv, copyDetails,
    state, topLabels: [], labelsDrawn: { ids: [], px: 0 }, lastCopied: null,
    visibleNodes: () => Array.from(shownNodes).sort((a, b) => a - b),
    visibleEdges: () => Array.from(shownEdges).sort((a, b) => a - b),
    drawn: false, stabilized: big, highlighted: null, selected: null,
  };
  window.doc2kg = api;
  network.once("afterDrawing", () => { api.drawn = true; });
  if (!big) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      api.stabilized = true;
      fitView();
    });
  }
  showCounts();

  // The labels of the most linked shown nodes stay readable at any zoom. vis-network leaves
  // a label out when it would be smaller than DRAW_THRESHOLD px on screen; at such a zoom the
  // page draws the chosen labels itself after each frame, LABEL_MIN_PX high (drawing them
  // costs nothing, where changing the nodes' fonts would make vis-network redo its data).
  // A node whose label would overlap one already chosen is passed over, so they spread out.
  const LABEL_BOX = [120, 34];  // px on screen kept free around a chosen label
  function chooseTopLabels() {
    const scale = Math.max(network.getScale(), 1e-3);
    const ranked = Array.from(shownNodes).sort((a, b) => (shownDegree.get(b) || 0) - (shownDegree.get(a) || 0) || byId.get(b).size - byId.get(a).size)
      .filter((id) => (shownDegree.get(id) || 0) > 0 || shownNodes.size <= data.top_labels).slice(0, data.top_labels * 20);
    const where = network.getPositions(ranked);
    const top = [];
    for (const id of ranked) {
      if (top.length >= data.top_labels) break;
      const p = where[id];
      if (top.every((t) => Math.abs(where[t].x - p.x) * scale > LABEL_BOX[0] || Math.abs(where[t].y - p.y) * scale > LABEL_BOX[1])) top.push(id);
    }
    api.topLabels = top;
    labelScale = network.getScale();
  }
  function updateTopLabels() { chooseTopLabels(); }  // drawn with the next frame
  let labelScale = null;
  network.on("afterDrawing", (ctx) => {
    const scale = network.getScale();
    if (scale !== labelScale) chooseTopLabels();
    const drawn = [];
    if (LABEL_SIZE * scale < DRAW_THRESHOLD && api.topLabels.length) {
      const px = LABEL_MIN_PX / scale;
      const where = network.getPositions(api.topLabels);
      const lit = api.highlighted ? new Set(api.highlighted.nodes) : null;
      ctx.save();
      ctx.font = px + "px " + FONT;
      ctx.textAlign = "center";
      ctx.textBaseline = "top";
      ctx.lineJoin = "round";
      ctx.lineWidth = 3 / scale;
      ctx.strokeStyle = "#ffffff";
      for (const id of api.topLabels) {
        const p = where[id];
        if (!p) continue;
        const n = byId.get(id);
        ctx.fillStyle = lit && !lit.has(id) ? DIM : "#222222";
        let y = p.y + n.size + 3 / scale;
        for (const text of n.label.split("\n")) {
          ctx.strokeText(text, p.x, y);
          ctx.fillText(text, p.x, y);
          y += px * 1.15;
        }
        drawn.push(id);
      }
      ctx.restore();
    }
    api.labelsDrawn = { ids: drawn, px: drawn.length ? LABEL_MIN_PX : 0 };
  });
  function fitView() {
    const ids = api.visibleNodes();
    if (ids.length) network.fit({ nodes: ids, animation: false });
    updateTopLabels();
  }

  // --- tooltip (hover; the details panel is the persistent view) -----------------------
  const tip = document.getElementById("tooltip");
  function docLabel(i) {
    const d = data.documents[i];
    if (!d) return "?";
    return (d.title || d.id) + (d.lang ? " [" + d.lang + "]" : "") + (d.date ? " " + d.date : "");
  }
  function docName(i) {
    const d = data.documents[i];
    return d ? (d.title ? d.title + " (" + d.id + ")" : d.id) : "?";
  }
  function showTooltip(kind, id, x, y) {
    tip.replaceChildren();
    if (kind === "node") {
      const n = byId.get(id);
      line(tip, n.name, "head");
      line(tip, n.type + (n.kind === "literal" ? "" : " \u00b7 " + n.ref), "muted");
      for (const [lang, label] of Object.entries(n.labels)) if (label !== n.name) line(tip, label + "  [" + lang + "]");
      if (n.mentions) line(tip, n.mentions + " mention(s) in " + n.docs.length + " document(s)", "muted");
      line(tip, "Click for its facts and evidence", "muted");
    } else {
      const e = edgeById.get(id);
      line(tip, byId.get(e.from).name + " \u2192 " + (e.negated ? "not " : "") + e.type + " \u2192 " + byId.get(e.to).name, "head");
      if (roleTime(e)) line(tip, roleTime(e), "role-time");
      line(tip, e.evidence.length + " evidence sentence(s) in " + e.docs.length + " document(s); click to read them", "muted");
    }
    tip.hidden = false;
    const r = tip.getBoundingClientRect();
    tip.style.left = Math.max(0, Math.min(x + 14, window.innerWidth - r.width - 4)) + "px";
    tip.style.top = Math.max(0, Math.min(y + 14, window.innerHeight - r.height - 4)) + "px";
  }
  function hideTooltip() { tip.hidden = true; }
  function pointer(params) {
    const rect = container.getBoundingClientRect();
    return [rect.left + params.pointer.DOM.x, rect.top + params.pointer.DOM.y];
  }
  network.on("hoverNode", (p) => showTooltip("node", p.node, ...pointer(p)));
  network.on("hoverEdge", (p) => showTooltip("edge", p.edge, ...pointer(p)));
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);

  // --- neighbourhood highlight ---------------------------------------------------------
  function highlight(id) {
    const keepEdges = new Set(edgesOf.get(id).filter((e) => shownEdges.has(e.id)).map((e) => e.id));
    const keep = new Set([id]);
    for (const eid of keepEdges) { const e = edgeById.get(eid); keep.add(e.from); keep.add(e.to); }
    nodes.update(data.nodes.map((n) => keep.has(n.id)
      ? { id: n.id, ...nodeStyle(n), font: { color: "#222" } }
      : { id: n.id, color: { background: DIM, border: DIM }, font: { color: DIM } }));
    edges.update(data.edges.map((e) => ({ id: e.id, color: { color: keepEdges.has(e.id) ? edgeColor(e) : DIM, opacity: keepEdges.has(e.id) ? 1 : 0.3 },
      font: { color: keepEdges.has(e.id) ? "#555" : "rgba(0,0,0,0)" } })));
    api.highlighted = { node: id, nodes: Array.from(keep), edges: Array.from(keepEdges) };
  }
  function clearHighlight() {
    if (!api.highlighted) return;
    nodes.update(data.nodes.map((n) => ({ id: n.id, ...nodeStyle(n), font: { color: "#222" } })));
    edges.update(data.edges.map((e) => ({ id: e.id, color: { color: edgeColor(e), opacity: 0.8 }, font: { color: "#555" } })));
    api.highlighted = null;
  }
  network.on("click", (p) => {
    if (p.nodes.length) { highlight(p.nodes[0]); showNode(p.nodes[0]); }
    else if (p.edges.length) showEdge(p.edges[0]);
    else clearHighlight();
  });

  // --- side panel: details and document view -------------------------------------------
  const side = document.getElementById("side");
  const details = document.getElementById("details");
  const docView = document.getElementById("docview");
  const tabs = { details: document.getElementById("tab-details"), document: document.getElementById("tab-document") };
  function showTab(name) {
    side.hidden = false;
    details.hidden = name !== "details";
    docView.hidden = name !== "document";
    tabs.details.classList.toggle("active", name === "details");
    tabs.document.classList.toggle("active", name === "document");
    network.redraw();
  }
  tabs.details.addEventListener("click", () => showTab("details"));
  tabs.document.addEventListener("click", () => showTab("document"));
  document.getElementById("side-close").addEventListener("click", () => { side.hidden = true; });
  const copyStatus = document.getElementById("copy-status");
  document.getElementById("copy").addEventListener("click", () => copyDetails());

  // The mentions of `nodeIds` inside [start, end) of document `doc`, as offsets from `start`:
  // the recorded spans first, else the node's names found in the text.
  function mentionsIn(text, doc, start, end, nodeIds) {
    const out = [];
    for (const id of nodeIds) {
      const n = byId.get(id);
      let found = n.spans.filter((s) => s[0] === doc && s[1] >= start && s[2] <= end && s[2] - start <= text.length)
        .map((s) => [s[1] - start, s[2] - start, id]);
      if (!found.length) {
        for (const form of [n.name, ...n.forms]) {
          const at = form.length > 1 ? text.indexOf(form) : -1;
          if (at >= 0) { found = [[at, at + form.length, id]]; break; }
        }
      }
      out.push(...found);
    }
    return out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  }
  function markedText(parent, text, marks) {
    let at = 0;
    for (const [s, e, id] of marks) {
      if (s < at) continue;
      parent.appendChild(document.createTextNode(text.slice(at, s)));
      const m = el("mark", text.slice(s, e), "mention");
      m.style.setProperty("--type-color", nodeColor(byId.get(id)));
      m.dataset.node = String(id);
      m.title = byId.get(id).name + " \u00b7 " + byId.get(id).type;
      parent.appendChild(m);
      at = e;
    }
    parent.appendChild(document.createTextNode(text.slice(at)));
  }
  function docMeta(i) {
    const d = data.documents[i] || {};
    return [d.id, d.lang, d.date].filter(Boolean).join(" \u00b7 ");
  }
  // A role's time, compactly: "former \u00b7 2015\u20132021", "acting", "since 2019".
  function roleTime(t) {
    const dates = t.start && t.end ? t.start + "\u2013" + t.end : t.start ? "since " + t.start : t.end ? "until " + t.end : "";
    return [t.status === "current" && dates ? "" : t.status, dates].filter(Boolean).join(" \u00b7 ");
  }
  // What document `doc` says of fact `e`: its own status, dates and source where they differ.
  function inDocument(e, doc) { return (e.by_doc && e.by_doc[doc]) || e; }
  // Who states it in document `doc` (the named source, else the document's outlet) and when it
  // was reported, as a line: "according to X (GovernmentAgency) \u00b7 reported 2024-02-10",
  // "reported by Le Monde \u00b7 undated"; a name is isolated (an Arabic one inside a Latin line)
  // and a source that is a node opens its facts.
  function attributionLine(parent, e, doc, ownTime) {
    const d = data.documents[doc] || {};
    const t = inDocument(e, doc);
    const out = line(parent, null, "attribution");
    const name = (text) => { const b = el("bdi", text); out.appendChild(b); return b; };
    const add = (text) => out.appendChild(document.createTextNode(text));
    if (ownTime) { out.appendChild(el("span", ownTime, "doc-role")); add(" \u00b7 "); }  // this document's reading
    const n = typeof t.source === "number" ? byId.get(t.source) : null;
    if (n) {
      add("according to ");
      out.appendChild(button(n.name, "Show its facts", () => { highlight(n.id); showNode(n.id); }, "link source-node")).dir = "auto";
      add(" (" + n.type + ") \u00b7 ");
    } else if (t.source !== undefined) {
      add("according to "); name(t.source); add(" \u00b7 ");
    } else if (d.publisher) {
      add("reported by "); name(d.publisher); add(" \u00b7 ");
    }
    out.appendChild(el("span", d.date ? "reported " + d.date : "undated", "when"));
    return out;
  }
  function evidenceBlock(parent, e, ev) {
    const box = el("div", null, "evidence");
    const quote = el("blockquote");
    const lang = (data.documents[ev.doc] || {}).lang;
    quote.dir = lang === "ar" ? "rtl" : "auto";
    if (lang) quote.lang = lang;
    markedText(quote, ev.text, mentionsIn(ev.text, ev.doc, ev.start, ev.end, [e.from, e.to].filter((id) => byId.get(id).kind !== "literal")));
    box.appendChild(quote);
    const src = el("div", null, "source");
    src.appendChild(el("span", (data.documents[ev.doc] || {}).title || "(untitled)", "doc-title")).dir = "auto";
    const doc = data.documents[ev.doc] || {};
    src.appendChild(el("span", " \u2014 " + [doc.id, doc.lang].filter(Boolean).join(" \u00b7 "), "muted"));  // its date: below
    if (data.documents[ev.doc]) src.appendChild(button("Open document", "The article with every mention highlighted", () => openDocument(ev.doc, ev), "link"));
    box.appendChild(src);
    const own = roleTime(inDocument(e, ev.doc));
    attributionLine(box, e, ev.doc, own && own !== roleTime(e) ? own : "");
    parent.appendChild(box);
  }
  function factHead(e) {
    return byId.get(e.from).name + " \u2192 " + (e.negated ? "not " : "") + e.type + " \u2192 " + byId.get(e.to).name;
  }
  function factBlock(parent, e) {
    const fact = el("section", null, "fact");
    fact.dataset.edge = String(e.id);
    line(fact, factHead(e), "fact-head");
    if (roleTime(e)) line(fact, roleTime(e), "role-time" + (ended(e) ? " ended" : ""));
    const flags = [e.extractor, "confidence " + e.confidence, e.hedged ? "hedged" : "", e.domains.join(", ")].filter(Boolean);
    line(fact, flags.join(" \u00b7 "), "muted");
    for (const ev of e.evidence) evidenceBlock(fact, e, ev);
    parent.appendChild(fact);
  }
  const body = document.getElementById("details-body");
  function showNode(id) {
    const n = byId.get(id);
    api.selected = { kind: "node", id };
    body.replaceChildren();
    line(body, n.name, "title");
    line(body, n.type + (n.kind === "literal" ? "" : " \u00b7 " + n.ref), "muted");
    for (const [lang, label] of Object.entries(n.labels)) if (label !== n.name) line(body, label + "  [" + lang + "]");
    for (const [lang, forms] of Object.entries(n.aliases)) if (forms.length) line(body, (lang ? lang + ": " : "aliases: ") + forms.join(" \u00b7 "), "aliases");
    const actions = el("div", null, "actions");
    actions.appendChild(button("Expand neighbours", "Show every node linked to this one, whatever the filters", () => expand(id)));
    actions.appendChild(button("Focus", "Centre the graph on it", () => focus(id)));
    body.appendChild(actions);
    const facts = edgesOf.get(id);
    const groups = new Map();
    for (const e of facts) { if (!groups.has(e.type)) groups.set(e.type, []); groups.get(e.type).push(e); }
    body.appendChild(el("h3", facts.length + " fact(s)"));
    for (const [rel, list] of Array.from(groups).sort((a, b) => a[0].localeCompare(b[0]))) {
      const group = el("section", null, "relation-group");
      group.dataset.relation = rel;
      const h = el("h4", rel + " (" + list.length + ")");
      h.style.borderColor = (data.relations[rel] || {}).color || "#888";
      group.appendChild(h);
      for (const e of list) factBlock(group, e);
      body.appendChild(group);
    }
    body.appendChild(el("h3", n.docs.length + " document(s)"));
    const list = el("ul", null, "doc-list");
    for (const i of n.docs) {
      const li = el("li");
      li.appendChild(button(docLabel(i), "Open the article", () => openDocument(i, null, id), "link"));
      li.dir = "auto";
      list.appendChild(li);
    }
    body.appendChild(list);
    showTab("details");
    details.scrollTop = 0;
  }
  function showEdge(id) {
    const e = edgeById.get(id);
    api.selected = { kind: "edge", id };
    body.replaceChildren();
    line(body, factHead(e), "title");
    line(body, e.evidence.length + " evidence sentence(s) in " + e.docs.length + " document(s)", "muted");
    factBlock(body, e);
    showTab("details");
    details.scrollTop = 0;
  }
  function copyDetails() {
    const text = body.innerText;
    api.lastCopied = text;
    const done = () => { copyStatus.textContent = "Copied"; };
    const fallback = () => {
      const range = document.createRange();
      range.selectNodeContents(body);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      try { document.execCommand("copy"); done(); } catch (err) { copyStatus.textContent = "Selected: press Ctrl+C"; }
    };
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
    return text;
  }

  // The article with every mention marked in its type's colour and every fact's evidence
  // underlined; a click on a mention selects its node in the graph.
  const docTitle = document.getElementById("doc-title");
  const docInfo = document.getElementById("doc-meta");
  const docText = document.getElementById("doc-text");
  const docMentions = new Map();  // doc index -> [start, end, node id]
  for (const n of data.nodes) for (const [d, s, e] of n.spans) {
    if (!docMentions.has(d)) docMentions.set(d, []);
    docMentions.get(d).push([s, e, n.id]);
  }
  const docEvidence = new Map();  // doc index -> [start, end, edge id]
  for (const e of data.edges) for (const ev of e.evidence) {
    if (!docEvidence.has(ev.doc)) docEvidence.set(ev.doc, []);
    docEvidence.get(ev.doc).push([ev.start, ev.end, e.id]);
  }
  function openDocument(i, ev, nodeId) {
    const d = data.documents[i];
    if (!d) return;
    api.openDoc = i;
    docTitle.textContent = d.title || d.id;
    docInfo.textContent = [docMeta(i), d.publisher, d.source].filter(Boolean).join(" \u00b7 ");
    docText.replaceChildren();
    docText.dir = d.lang === "ar" ? "rtl" : "ltr";
    if (d.lang) docText.lang = d.lang;
    else docText.removeAttribute("lang");
    showTab("document");
    if (typeof d.text !== "string") {
      line(docText, "This page does not carry the text of this document (the corpus is larger than the page holds).", "muted");
      return;
    }
    const text = d.text;
    const mentions = (docMentions.get(i) || []).filter((m) => m[1] <= text.length);
    const evidence = (docEvidence.get(i) || []).filter((m) => m[1] <= text.length);
    // A mention stays one piece: an evidence edge inside it moves out to the mention's edge.
    const inside = (at) => mentions.some(([s, e]) => s < at && at < e);
    const cuts = new Set([0, text.length]);
    for (const [s, e] of mentions) { cuts.add(s); cuts.add(e); }
    for (const [s, e] of evidence) { if (!inside(s)) cuts.add(s); if (!inside(e)) cuts.add(e); }
    const points = Array.from(cuts).sort((a, b) => a - b);
    let target = null;
    for (let k = 0; k + 1 < points.length; k++) {
      const [s, e] = [points[k], points[k + 1]];
      const piece = text.slice(s, e);
      const facts = evidence.filter((x) => x[0] < e && x[1] > s);
      const mention = mentions.filter((x) => x[0] <= s && x[1] >= e).sort((a, b) => (a[1] - a[0]) - (b[1] - b[0]))[0];
      let node;
      if (mention) {
        const n = byId.get(mention[2]);
        node = el("mark", piece, "mention");
        node.style.setProperty("--type-color", nodeColor(n));
        node.dataset.node = String(n.id);
        node.dataset.type = n.type;
        node.title = n.name + " \u00b7 " + n.type;
        node.addEventListener("click", () => selectFromText(n.id));
      } else {
        node = facts.length ? el("span", piece) : document.createTextNode(piece);
      }
      if (facts.length) {
        const wrap = el("span", null, "evidence-mark");
        wrap.dataset.edges = facts.map((x) => x[2]).join(" ");
        wrap.title = Array.from(new Set(facts.map((x) => factHead(edgeById.get(x[2]))))).join("\n");
        wrap.appendChild(node);
        node = wrap;
        if (ev && s >= ev.start && e <= ev.end && !target) target = wrap;
      }
      docText.appendChild(node);
    }
    docView.scrollTop = 0;
    if (!target && nodeId !== undefined) target = docText.querySelector('mark[data-node="' + nodeId + '"]');
    if (target) target.scrollIntoView({ block: "center" });
  }
  function selectFromText(id) {
    if (!shownNodes.has(id)) { state.pinned.add(id); applyFilters({ fit: false }); }
    network.selectNodes([id]);
    highlight(id);
    api.selected = { kind: "node", id };
    network.focus(id, { scale: Math.max(network.getScale(), big ? 1.2 : 1.0), animation: false });
    updateTopLabels();
  }

  // --- expand, search ------------------------------------------------------------------
  function expand(id) {
    state.pinned.add(id);
    for (const e of edgesOf.get(id)) if (state.relations.has(e.type)) { state.pinned.add(e.from); state.pinned.add(e.to); }
    applyFilters({ fit: false });
    highlight(id);
  }
  // Rank: a form equal to the query (the name, a label or an alias), a form starting with it,
  // a form containing it, then a name that sounds the same in another script (same consonant
  // skeleton, e.g. Hammouchi = حموشي); the most important node first within a rank.
  const HOW = ["exact", "prefix", "contains", "sounds-like"];
  function searchMatches(query, limit = 20) {
    const q = normalize(query).trim();
    if (!q) return [];
    const skel = skeleton(query);
    const hits = [];
    for (const n of data.nodes) {
      const keys = n.key.split("\n");
      let best = null;
      keys.forEach((k, i) => {
        const rank = k === q ? 0 : k.startsWith(q) ? 1 : k.includes(q) ? 2 : -1;
        if (rank >= 0 && (best === null || rank < best[0] || (rank === best[0] && i === 0))) best = [rank, i];
      });
      if (best) hits.push({ id: n.id, how: HOW[best[0]], form: n.forms[best[1]] || n.name, alias: best[1] > 0, rank: best[0], size: n.size });
      else if (skel.length >= 3 && n.skel.length) {
        const same = n.skel.includes(skel);
        if (same || n.skel.some((s) => s.startsWith(skel))) hits.push({ id: n.id, how: "sounds-like", form: n.name, alias: false, rank: same ? 3 : 4, size: n.size });
      }
    }
    hits.sort((a, b) => a.rank - b.rank || b.size - a.size || a.id - b.id);
    // A name that only starts like the query's sounds helps while typing an unknown spelling;
    // once a name or alias matches the letters, those guesses are noise.
    const letters = hits.some((h) => h.rank <= 2);
    return hits.filter((h) => !(letters && h.rank === 4)).slice(0, limit).map((h) => ({ id: h.id, how: h.how, form: h.form, alias: h.alias, hidden: !shownNodes.has(h.id) }));
  }
  function search(query, limit = 20) { return searchMatches(query, limit).map((h) => h.id); }
  function badge(h) {
    if (h.how === "sounds-like") return "sounds like";
    if (h.how === "exact") return h.alias ? "exact (alias)" : "exact";
    return h.alias ? "alias" : "name";
  }
  // Focus a node; one a filter hides is pinned (shown on its own), the filters stay as set.
  function focus(id) {
    if (!shownNodes.has(id)) { state.pinned.add(id); applyFilters({ fit: false }); }
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    network.focus(id, { scale: big ? 1.2 : 1.0, animation: false });
    updateTopLabels();
  }
  const input = document.getElementById("search");
  const results = document.getElementById("results");
  const searchStatus = document.getElementById("search-status");
  function showResults() {
    results.replaceChildren();
    const hits = searchMatches(input.value);
    searchStatus.textContent = input.value.trim() && !hits.length ? "No match for \u201c" + input.value.trim() + "\u201d" : "";
    for (const h of hits) {
      const n = byId.get(h.id);
      const li = el("li");
      li.dir = "auto";
      li.appendChild(el("span", n.name, "name"));
      li.appendChild(el("span", "  " + n.type, "type"));
      const b = el("span", badge(h), "how how-" + h.how);
      if (h.alias || h.how === "sounds-like") b.title = "matched: " + h.form;
      li.appendChild(b);
      if (h.alias && h.form !== n.name) li.appendChild(el("span", h.form, "form"));
      if (h.hidden) li.appendChild(el("span", "hidden by filters", "hidden-note"));
      li.dataset.node = String(h.id);
      li.dataset.how = h.how;
      li.addEventListener("click", () => focus(h.id));
      results.appendChild(li);
    }
  }
  input.addEventListener("input", showResults);
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && results.firstChild) focus(Number(results.firstChild.dataset.node));
  });
  function clearAll() {
    input.value = "";
    showResults();
    network.unselectAll();
    clearHighlight();
    if (state.pinned.size) { state.pinned.clear(); applyFilters({ fit: false }); }
  }

  // --- exports: what is on screen ------------------------------------------------------
  function csvCell(value) {
    let s = String(value === undefined || value === null ? "" : value);
    if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;  // a spreadsheet must not read a cell as a formula
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function csv(rows) { return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n"; }
  function nodesCsv() {
    const rows = [["id", "name", "type", "links_shown", "documents"]];
    for (const id of api.visibleNodes()) {
      const n = byId.get(id);
      rows.push([n.ref, n.name, n.type, shownDegree.get(id) || 0, n.docs.map((i) => data.documents[i].id).join(" ")]);
    }
    return csv(rows);
  }
  function edgesCsv() {
    const rows = [["head", "relation", "tail", "head_name", "tail_name", "confidence", "negated", "hedged", "documents", "evidence", "status", "start", "end", "source"]];
    for (const id of api.visibleEdges()) {
      const e = edgeById.get(id);
      const h = byId.get(e.from);
      const t = byId.get(e.to);
      rows.push([h.ref, e.type, t.kind === "literal" ? t.name : t.ref, h.name, t.name, e.confidence, e.negated, e.hedged,
        e.docs.map((i) => data.documents[i].id).join(" "), e.evidence.map((x) => x.text.replace(/\s+/g, " ")).join(" | "),
        e.status, e.start, e.end, typeof e.source === "number" ? byId.get(e.source).name : e.source]);
    }
    return csv(rows);
  }
  function download(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }
  function exportCsv(which) {
    const text = which === "edges" ? edgesCsv() : nodesCsv();
    download(new Blob(["\ufeff" + text], { type: "text/csv;charset=utf-8" }), "graph-" + which + ".csv");
    return text;
  }
  function exportPng() {
    const canvas = container.querySelector("canvas");
    const out = document.createElement("canvas");
    out.width = canvas.width;
    out.height = canvas.height;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    out.toBlob((blob) => download(blob, "graph.png"), "image/png");
  }
  document.getElementById("fit").addEventListener("click", fitView);
  document.getElementById("reset").addEventListener("click", resetFilters);
  document.getElementById("export-png").addEventListener("click", exportPng);
  document.getElementById("export-nodes").addEventListener("click", () => exportCsv("nodes"));
  document.getElementById("export-edges").addEventListener("click", () => exportCsv("edges"));

  // --- keyboard: f fit, / search, Esc clear --------------------------------------------
  document.addEventListener("keydown", (ev) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLSelectElement || ev.target instanceof HTMLTextAreaElement;
    if (ev.key === "Escape") { clearAll(); if (typing) ev.target.blur(); return; }
    if (typing || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    if (ev.key === "f") { fitView(); ev.preventDefault(); }
    else if (ev.key === "/") { input.focus(); ev.preventDefault(); }
  });
  updateTopLabels();
})();
