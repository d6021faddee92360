// The toc workshop page: select a box, see its panel and its paths; search,
// filter, zoom; under `toc serve`, reload when the model file changes.
// Model text is only ever inserted with textContent, never as HTML.
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("toc-data").textContent);
  var nodesById = new Map();
  data.nodes.forEach(function (node) { nodesById.set(node.id, node); });

  var body = document.body;
  var svg = document.getElementById("diagram-svg");
  var panel = document.getElementById("panel");
  var content = document.getElementById("panel-content");
  var status = document.getElementById("status");
  var nodeElements = new Map();   // model id -> <g class="node">
  var edgeElements = [];          // {element, source, target, feedback}
  var successors = new Map();
  var predecessors = new Map();
  var selected = null;
  var editing = null;             // the editing controls, under `toc serve --edit` (edit.js)

  // ------------------------------------------------------------ the diagram
  function connectDiagram() {
    data.nodes.forEach(function (node) {
      successors.set(node.id, []);
      predecessors.set(node.id, []);
    });
    data.links.forEach(function (link) {
      // Feedback loops are deliberate returns; following them would light up everything.
      if (link[2]) { return; }
      successors.get(link[0]).push(link[1]);
      predecessors.get(link[1]).push(link[0]);
    });
    if (!svg) { return; }
    // Graphviz's own <title> children hold internal ids (n0, n0->n1): read, then drop them
    // so that hovering shows the helpful tooltips instead.
    svg.querySelectorAll("g.node").forEach(function (element) {
      var title = element.querySelector(":scope > title");
      var id = title ? data.dot_ids[title.textContent] : undefined;
      if (id === undefined) { return; }  // the key, not a box of the model
      title.remove();
      var node = nodesById.get(id);
      element.setAttribute("data-node", id);
      element.setAttribute("tabindex", "0");
      element.setAttribute("role", "button");
      element.setAttribute("aria-label", node.label + " (" + node.kind + ")" +
        (node.measured ? "" : ", no indicators") + (node.severity ? ", has check findings" : ""));
      if (node.severity) { element.classList.add("finding-" + node.severity); }
      nodeElements.set(id, element);
      element.addEventListener("click", function () { select(id, false); });
      element.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") {
          event.preventDefault();
          select(id, true);
        }
      });
    });
    svg.querySelectorAll("g.edge").forEach(function (element) {
      var title = element.querySelector(":scope > title");
      if (!title) { return; }
      var ends = title.textContent.split("->");
      var source = data.dot_ids[ends[0]], target = data.dot_ids[ends[1]];
      title.remove();
      if (source === undefined || target === undefined) { return; }
      edgeElements.push({ element: element, source: source, target: target });
    });
  }

  function reach(start, neighbours) {
    var seen = new Set([start]);
    var queue = [start];
    while (queue.length) {
      var current = queue.shift();
      (neighbours.get(current) || []).forEach(function (next) {
        if (!seen.has(next)) { seen.add(next); queue.push(next); }
      });
    }
    seen.delete(start);
    return seen;
  }

  function highlight(id) {
    var upstream = id ? reach(id, predecessors) : new Set();
    var downstream = id ? reach(id, successors) : new Set();
    body.classList.toggle("has-selection", Boolean(id));
    nodeElements.forEach(function (element, nodeId) {
      element.classList.toggle("is-selected", nodeId === id);
      element.classList.toggle("is-upstream", upstream.has(nodeId));
      element.classList.toggle("is-downstream", downstream.has(nodeId));
      element.classList.toggle("on-path", nodeId === id || upstream.has(nodeId) || downstream.has(nodeId));
      element.setAttribute("aria-pressed", nodeId === id ? "true" : "false");
    });
    edgeElements.forEach(function (edge) {
      var up = (upstream.has(edge.source) || edge.source === id) && (upstream.has(edge.target) || edge.target === id);
      var down = (downstream.has(edge.source) || edge.source === id) && (downstream.has(edge.target) || edge.target === id);
      edge.element.classList.toggle("is-upstream", up && edge.target !== edge.source);
      edge.element.classList.toggle("is-downstream", down && !up);
      edge.element.classList.toggle("on-path", up || down);
    });
    return { upstream: upstream.size, downstream: downstream.size };
  }

  // -------------------------------------------------------------- selection
  function select(id, fromKeyboard) {
    if (id !== null && !nodesById.has(id)) { id = null; }
    selected = id;
    var counts = highlight(id);
    if (id === null) {
      showOverview();
      rememberSelection("");
      announce("Nothing selected. The panel shows the whole model.");
      return;
    }
    showNode(nodesById.get(id));
    rememberSelection(id);
    var element = nodeElements.get(id);
    if (element && !fromKeyboard) { element.focus({ preventScroll: true }); }
    if (element && fromKeyboard) { element.scrollIntoView({ block: "nearest", inline: "nearest" }); }
    panel.scrollTop = 0;
    announce("Selected " + nodesById.get(id).label + ". " + counts.upstream + " boxes lead to it, " +
      counts.downstream + " follow from it. Details are in the panel.");
  }

  function rememberSelection(id) {
    try {
      history.replaceState(null, "", id ? "#" + encodeURIComponent(id) : location.pathname + location.search);
    } catch (error) { /* some file:// contexts refuse; the selection just is not kept */ }
  }

  function selectionFromAddress() {
    if (location.hash.length < 2) { return null; }
    try { return decodeURIComponent(location.hash.slice(1)); } catch (error) { return null; }
  }

  function announce(text) {
    status.textContent = text;
  }

  // ------------------------------------------------------------------ panel
  function element(tag, className, text) {
    var made = document.createElement(tag);
    if (className) { made.className = className; }
    if (text !== undefined && text !== null) { made.textContent = String(text); }
    return made;
  }

  function nodeButton(id, text) {
    var button = element("button", "", text);
    button.type = "button";
    button.addEventListener("click", function () { select(id, false); });
    return button;
  }

  function fieldList(fields) {
    var list = element("dl", "fields");
    fields.forEach(function (field) {
      list.appendChild(element("dt", "", field[0]));
      list.appendChild(element("dd", "", field[1]));
    });
    return list;
  }

  function itemList(items) {
    var list = element("ul", "items");
    items.forEach(function (item) {
      var entry = element("li", "item" + (item.severity ? " severity-" + item.severity : ""));
      var heading = element("p", "item-heading");
      if (item.node && nodesById.has(item.node) && item.node !== selected) {
        heading.appendChild(nodeButton(item.node, item.heading));
      } else {
        heading.textContent = item.heading;
      }
      entry.appendChild(heading);
      if (item.fields.length) { entry.appendChild(fieldList(item.fields)); }
      list.appendChild(entry);
    });
    return list;
  }

  function section(container, spec) {
    var wrapper = element("section", "panel-section");
    wrapper.setAttribute("data-section", spec.id);
    var heading = element("h3", "", spec.title);
    heading.appendChild(element("span", "count", String(spec.items.length)));
    wrapper.appendChild(heading);
    if (spec.items.length) {
      wrapper.appendChild(itemList(spec.items));
    } else {
      var warn = spec.id === "indicators" && spec.empty.indexOf("Not measured") === 0;
      wrapper.appendChild(element("p", "empty" + (warn ? " warn" : ""), spec.empty));
    }
    if (editing && selected !== null) { editing.decorateSection(wrapper, spec, selected); }
    container.appendChild(wrapper);
  }

  function showNode(node) {
    var fragment = document.createDocumentFragment();
    var title = element("h2", "", node.label);
    title.id = "panel-title";
    fragment.appendChild(title);
    var chips = element("ul", "chips");
    chips.appendChild(element("li", "chip", node.kind));
    if (node.group) { chips.appendChild(element("li", "chip", node.group)); }
    var idChip = element("li", "chip");
    idChip.appendChild(document.createTextNode("id "));
    idChip.appendChild(element("code", "", node.id));
    chips.appendChild(idChip);
    fragment.appendChild(chips);
    if (node.description) { fragment.appendChild(element("p", "description", node.description)); }
    if (editing) { editing.nodeActions(fragment, node); }
    node.sections.forEach(function (spec) { section(fragment, spec); });
    var back = element("button", "back", "Show the whole model");
    back.type = "button";
    back.addEventListener("click", function () {
      var last = selected;
      select(null, false);
      if (last && nodeElements.has(last)) { nodeElements.get(last).focus(); }
    });
    fragment.appendChild(back);
    content.replaceChildren(fragment);
  }

  function showOverview() {
    var fragment = document.createDocumentFragment();
    var title = element("h2", "", data.model.title);
    title.id = "panel-title";
    fragment.appendChild(title);
    if (data.model.details.length) { fragment.appendChild(fieldList(data.model.details)); }
    if (data.model.description) { fragment.appendChild(element("p", "description", data.model.description)); }
    fragment.appendChild(element("p", "hint", data.model.summary));
    if (data.model.mechanisms) { section(fragment, data.model.mechanisms); }
    if (data.nodes.length) {
      fragment.appendChild(element("p", "hint",
        "Click a box, or press Tab to reach it and Enter to open it, to see how it is measured, " +
        "what leads to it and why, and what toc check found. Escape clears the selection."));
    }
    var findings = data.findings;
    var counts = { error: 0, warning: 0, info: 0 };
    findings.forEach(function (item) { counts[item.severity] += 1; });
    section(fragment, {
      id: "findings", title: "Check findings", items: findings,
      empty: "toc check found nothing to report."
    });
    if (findings.length) {
      var summary = element("p", "hint", counts.error + " errors, " + counts.warning + " warnings, " +
        counts.info + " info. Boxes with findings are outlined (Mark check findings).");
      fragment.insertBefore(summary, fragment.lastChild);
    }
    content.replaceChildren(fragment);
  }

  // ---------------------------------------------------- search and filters
  var search = document.getElementById("search");
  var searchCount = document.getElementById("search-count");
  var results = document.getElementById("search-results");

  function matches(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return data.nodes.filter(function (node) {
      var text = (node.label + " " + node.id).toLowerCase();
      return words.every(function (word) { return text.indexOf(word) !== -1; });
    });
  }

  function runSearch() {
    var query = search.value.trim();
    var found = query ? matches(query) : [];
    var hits = new Set(found.map(function (node) { return node.id; }));
    body.classList.toggle("searching", Boolean(query));
    nodeElements.forEach(function (element, id) { element.classList.toggle("search-hit", hits.has(id)); });
    results.replaceChildren();
    found.slice(0, 12).forEach(function (node) {
      var entry = element("li");
      entry.appendChild(nodeButton(node.id, node.label));
      results.appendChild(entry);
    });
    results.hidden = found.length === 0;
    searchCount.textContent = query ? (found.length === 1 ? "1 box" : found.length + " boxes") : "";
    applyDimming();
    return found;
  }

  function measuredFilter() {
    var checked = document.querySelector('input[name="measured"]:checked');
    return checked ? checked.value : "all";
  }

  function applyDimming() {
    var query = search.value.trim();
    var filter = measuredFilter();
    nodeElements.forEach(function (element, id) {
      var node = nodesById.get(id);
      var hidden = (filter === "measured" && !node.measured) || (filter === "unmeasured" && node.measured) ||
        (query !== "" && !element.classList.contains("search-hit"));
      element.classList.toggle("dimmed", hidden);
    });
  }

  search.addEventListener("input", runSearch);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      event.preventDefault();
      var found = runSearch();
      if (found.length) { select(found[0].id, false); }
    } else if (event.key === "Escape") {
      search.value = "";
      runSearch();
    }
  });
  document.querySelectorAll('input[name="measured"]').forEach(function (radio) {
    radio.addEventListener("change", applyDimming);
  });
  var findingsToggle = document.getElementById("show-findings");
  function applyFindingsToggle() { body.classList.toggle("show-findings", findingsToggle.checked); }
  findingsToggle.addEventListener("change", applyFindingsToggle);

  document.addEventListener("keydown", function (event) {
    if (document.querySelector("dialog[open]")) { return; }  // Escape closes the editing form only
    if (event.key === "Escape" && event.target !== search && selected !== null) {
      var last = selected;
      select(null, false);
      if (nodeElements.has(last)) { nodeElements.get(last).focus(); }
    }
  });

  // ------------------------------------------------------------------- zoom
  // "Fit" shows the whole drawing in the window (never blown up past 1.5 times its
  // natural size, so a three-box model does not fill the wall); + and - scale from there.
  var zoom = 1;
  var diagram = document.getElementById("diagram");
  function fittedWidth() {
    var natural = parseFloat(svg.getAttribute("data-width")) * 4 / 3;   // points to CSS pixels
    var naturalHeight = parseFloat(svg.getAttribute("data-height")) * 4 / 3;
    var room = diagram.clientWidth - 24, roomHeight = diagram.clientHeight - 24;
    if (!(natural > 0 && naturalHeight > 0) || room <= 0) { return null; }
    var scale = Math.min(room / natural, roomHeight > 100 ? roomHeight / naturalHeight : Infinity, 1.5);
    return natural * scale;
  }
  function applyZoom() {
    if (!svg) { return; }
    var width = fittedWidth();
    svg.style.width = width === null ? Math.round(zoom * 100) + "%" : Math.round(width * zoom) + "px";
  }
  document.getElementById("zoom-in").addEventListener("click", function () { zoom = Math.min(zoom * 1.25, 8); applyZoom(); });
  document.getElementById("zoom-out").addEventListener("click", function () { zoom = Math.max(zoom / 1.25, 0.3); applyZoom(); });
  document.getElementById("zoom-fit").addEventListener("click", function () { zoom = 1; applyZoom(); });
  window.addEventListener("resize", applyZoom);

  // ------------------------------------------------------ live (toc serve)
  function watchForChanges(live) {
    var statusLine = document.getElementById("live-status");
    statusLine.hidden = false;
    statusLine.textContent = "Live: redraws when the file is saved";
    function poll() {
      fetch("/version?after=" + live.version, { cache: "no-store" })
        .then(function (response) { return response.json(); })
        .then(function (answer) {
          if (answer.version !== live.version) {
            // An edit from this page reloads when its answer arrives (to show what it changed).
            if (editing && editing.pending(answer.version)) { return; }
            location.reload();
            return;
          }
          statusLine.classList.remove("lost");
          statusLine.textContent = "Live: redraws when the file is saved";
          poll();
        })
        .catch(function () {
          statusLine.classList.add("lost");
          statusLine.textContent = "Not live: toc serve has stopped";
          setTimeout(poll, 3000);
        });
    }
    poll();
  }

  // A banner over the page: e.g. the file no longer loads and this is its last good version.
  if (data.banner) {
    var banner = document.getElementById("banner");
    banner.textContent = data.banner;
    banner.hidden = false;
  }

  connectDiagram();
  if (data.edit && typeof tocEditing === "function") {
    editing = tocEditing({ data: data, nodesById: nodesById, nodeElements: nodeElements, element: element,
                           announce: announce, svg: svg });
  }
  applyZoom();
  applyFindingsToggle();
  select(selectionFromAddress(), false);
  // A link to another box (#id), or the Back button, moves the selection too.
  window.addEventListener("hashchange", function () {
    var id = selectionFromAddress();
    if (id !== selected) { select(id, false); }
  });
  if (data.live) { watchForChanges(data.live); }
})();
