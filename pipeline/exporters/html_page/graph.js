// doc2kg graph page: reads the JSON data block, draws it with vis-network, and wires search,
// filters, tooltips and neighbourhood highlight. Untrusted text is only ever set with
// textContent (never innerHTML), and vis-network draws labels on the canvas as text.
"use strict";
(function () {
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const FONT = '"Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif';
  const DIM = "rgba(190,190,190,0.35)";

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

  // --- consonant skeletons, the same rules as pipeline/resolution/transliterate.py ----------
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
  const SVG = "http://www.w3.org/2000/svg";
  const SHAPES = {
    dot: "M8 1.5a6.5 6.5 0 1 0 0.01 0Z", square: "M2 2H14V14H2Z", diamond: "M8 1L15 8L8 15L1 8Z",
    triangle: "M8 1.5L15 14H1Z", triangleDown: "M1 2H15L8 14.5Z", hexagon: "M4.5 2H11.5L15 8L11.5 14H4.5L1 8Z",
    star: "M8 1L9.9 6H15L10.9 9.2L12.4 14.5L8 11.3L3.6 14.5L5.1 9.2L1 6H6.1Z",
  };
  function shapeIcon(shape, color) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", SHAPES[shape] || SHAPES.dot);
    path.setAttribute("fill", color);
    svg.appendChild(path);
    return svg;
  }

  // --- vis data ------------------------------------------------------------------------
  const byId = new Map(data.nodes.map((n) => [n.id, n]));
  const edgeById = new Map(data.edges.map((e) => [e.id, e]));
  const big = !data.physics;
  function nodeColor(n) { return (data.types[n.type] || {}).color || "#79706e"; }
  function edgeColor(e) { return (data.relations[e.type] || {}).color || "#888888"; }
  const visNodes = data.nodes.map((n) => {
    const item = {
      id: n.id, label: n.label, shape: (data.types[n.type] || {}).shape || "dot", size: n.size,
      color: { background: nodeColor(n), border: nodeColor(n) }, font: { color: "#222" },
    };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  });
  const visEdges = data.edges.map((e) => {
    const item = {
      id: e.id, from: e.from, to: e.to, label: (e.negated ? "not " : "") + e.type,
      arrows: e.symmetric ? "" : "to", dashes: e.negated || e.hedged, color: { color: edgeColor(e), opacity: 0.8 },
    };
    if (!big && e.parallel > 0) {
      item.smooth = { enabled: true, type: e.parallel % 2 ? "curvedCW" : "curvedCCW", roundness: 0.15 * Math.ceil(e.parallel / 2) + 0.1 };
    }
    return item;
  });
  const nodes = new vis.DataSet(visNodes);
  const edges = new vis.DataSet(visEdges);

  // --- filters -------------------------------------------------------------------------
  const shownTypes = new Set(Object.keys(data.types));
  const shownRelations = new Set(Object.keys(data.relations));
  let shownDoc = null;
  const nodeView = new vis.DataView(nodes, {
    filter: (item) => {
      const n = byId.get(item.id);
      return shownTypes.has(n.type) && (shownDoc === null || n.docs.includes(shownDoc) || n.kind === "literal");
    },
  });
  const edgeView = new vis.DataView(edges, {
    filter: (item) => {
      const e = edgeById.get(item.id);
      return shownRelations.has(e.type) && (shownDoc === null || e.docs.includes(shownDoc));
    },
  });
  function refreshFilters() {
    clearHighlight();
    nodeView.refresh();
    edgeView.refresh();
    showStats();
  }
  function checkbox(list, name, info, set, icon) {
    const li = el("li");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", () => { if (box.checked) set.add(name); else set.delete(name); refreshFilters(); });
    const label = el("label");
    label.appendChild(box);
    li.appendChild(label);
    if (icon) label.appendChild(icon);
    label.appendChild(el("span", name));
    li.appendChild(el("span", info.count, "count"));
    list.appendChild(li);
  }
  const typeList = document.getElementById("type-filter");
  for (const [t, info] of Object.entries(data.types)) checkbox(typeList, t, info, shownTypes, shapeIcon(info.shape, info.color));
  const relList = document.getElementById("relation-filter");
  for (const [r, info] of Object.entries(data.relations)) {
    const icon = el("span", info.symmetric ? "\u2014" : "\u2192");
    icon.style.color = info.color;
    icon.style.fontWeight = "bold";
    checkbox(relList, r, info, shownRelations, icon);
  }
  const docSelect = document.getElementById("doc-filter");
  data.documents.forEach((d, i) => {
    const opt = el("option", (d.title || d.id) + (d.lang ? " [" + d.lang + "]" : ""));
    opt.value = String(i);
    docSelect.appendChild(opt);
  });
  docSelect.addEventListener("change", () => { shownDoc = docSelect.value === "" ? null : Number(docSelect.value); refreshFilters(); });
  function showStats() {
    document.getElementById("stats").textContent =
      nodeView.length + " / " + data.nodes.length + " nodes, " + edgeView.length + " / " + data.edges.length + " edges" +
      (big ? " (layout precomputed, physics off)" : "");
  }

  // --- network -------------------------------------------------------------------------
  const options = {
    autoResize: true,
    nodes: { font: { face: FONT, size: 14, strokeWidth: 3, strokeColor: "#ffffff" }, borderWidth: 1,
      scaling: { label: { drawThreshold: 6 } } },
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
  const network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, options);
  const api = { network, nodes, edges, data, normalize, skeleton, search, focus, showTooltip, drawn: false, stabilized: big, highlighted: null };
  window.doc2kg = api;
  network.once("afterDrawing", () => { api.drawn = true; });
  if (!big) {
    network.once("stabilizationIterationsDone", () => {
      network.setOptions({ physics: { enabled: false } });
      api.stabilized = true;
    });
  }
  showStats();

  // --- tooltip -------------------------------------------------------------------------
  const tip = document.getElementById("tooltip");
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
      for (const [lang, forms] of Object.entries(n.aliases)) {
        if (forms.length) line(tip, (lang ? lang + ": " : "aliases: ") + forms.join(" \u00b7 "));
      }
      if (n.mentions) line(tip, n.mentions + " mention(s)", "muted");
      for (const d of n.docs.slice(0, 8)) line(tip, "\u2022 " + docName(d), "muted");
      if (n.docs.length > 8) line(tip, "\u2026 " + (n.docs.length - 8) + " more document(s)", "muted");
    } else {
      const e = edgeById.get(id);
      line(tip, byId.get(e.from).name + " \u2192 " + (e.negated ? "not " : "") + e.type + " \u2192 " + byId.get(e.to).name, "head");
      const flags = [e.extractor, "confidence " + e.confidence, e.hedged ? "hedged" : "", e.domains.join(", ")].filter(Boolean);
      line(tip, flags.join(" \u00b7 "), "muted");
      for (const ev of e.evidence) {
        const box = line(tip, ev.text, "evidence");
        box.title = docName(ev.doc);
      }
      for (const d of e.docs.slice(0, 8)) line(tip, "\u2022 " + docName(d), "muted");
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
    const keep = new Set([id, ...network.getConnectedNodes(id)]);
    const keepEdges = new Set(network.getConnectedEdges(id));
    nodes.update(data.nodes.map((n) => keep.has(n.id)
      ? { id: n.id, color: { background: nodeColor(n), border: nodeColor(n) }, font: { color: "#222" } }
      : { id: n.id, color: { background: DIM, border: DIM }, font: { color: DIM } }));
    edges.update(data.edges.map((e) => ({ id: e.id, color: { color: keepEdges.has(e.id) ? edgeColor(e) : DIM, opacity: keepEdges.has(e.id) ? 1 : 0.3 },
      font: { color: keepEdges.has(e.id) ? "#555" : "rgba(0,0,0,0)" } })));
    api.highlighted = { node: id, nodes: Array.from(keep), edges: Array.from(keepEdges) };
  }
  function clearHighlight() {
    if (!api.highlighted) return;
    nodes.update(data.nodes.map((n) => ({ id: n.id, color: { background: nodeColor(n), border: nodeColor(n) }, font: { color: "#222" } })));
    edges.update(data.edges.map((e) => ({ id: e.id, color: { color: edgeColor(e), opacity: 0.8 }, font: { color: "#555" } })));
    api.highlighted = null;
  }
  network.on("click", (p) => {
    if (p.nodes.length) highlight(p.nodes[0]);
    else if (!p.edges.length) clearHighlight();
  });

  // --- search --------------------------------------------------------------------------
  // Rank: a name starting with the query, a name containing it, then a name that sounds
  // the same in another script (same consonant skeleton, e.g. Hammouchi = حموشي).
  function search(query, limit = 20) {
    const q = normalize(query).trim();
    if (!q) return [];
    const skel = skeleton(query);
    const hits = [];
    for (const n of data.nodes) {
      const at = n.key.indexOf(q);
      if (at >= 0) hits.push([at === 0 || n.key[at - 1] === "\n" ? 0 : 1, -n.size, n.id]);
      else if (skel.length >= 3 && n.skel.some((s) => s.startsWith(skel))) hits.push([2, -n.size, n.id]);
    }
    hits.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
    return hits.slice(0, limit).map((h) => h[2]);
  }
  function focus(id) {
    if (!nodeView.get(id)) {  // a filter hides it: show everything again
      Object.keys(data.types).forEach((t) => shownTypes.add(t));
      shownDoc = null;
      docSelect.value = "";
      typeList.querySelectorAll("input").forEach((b) => { b.checked = true; });
      refreshFilters();
    }
    network.selectNodes([id]);
    highlight(id);
    network.focus(id, { scale: big ? 1.2 : 1.0, animation: { duration: 400 } });
  }
  const input = document.getElementById("search");
  const results = document.getElementById("results");
  input.addEventListener("input", () => {
    results.replaceChildren();
    for (const id of search(input.value)) {
      const n = byId.get(id);
      const li = el("li");
      li.dir = "auto";
      li.appendChild(el("span", n.name));
      li.appendChild(el("span", "  " + n.type, "type"));
      li.dataset.node = String(id);
      li.addEventListener("click", () => focus(id));
      results.appendChild(li);
    }
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && results.firstChild) focus(Number(results.firstChild.dataset.node));
  });
})();
