  // The core of the report script: data, outlet filter, actor focus and the network.
  // render.py wraps this file and the timeline files in one strict-mode function.
  var source = document.getElementById("dossier-data");
  var data = source ? JSON.parse(source.textContent) : {};
  data.outlets = data.outlets || [];
  data.entities = data.entities || {};
  data.network = data.network || { nodes: [], edges: [] };
  var active = null;
  var SVG_NS = "http://www.w3.org/2000/svg";
  var WIDTH = 900;  // the viewBox of #network-svg
  var HEIGHT = 600;
  var MARGIN = 48;  // room for the labels under the outermost nodes
  var ITERATIONS = 300;  // the layout settles well before this for a few dozen nodes
  var GRAVITY = 0.3;  // pulls loosely linked actors in, so a few outliers do not squeeze the core
  var LABELLED = 24;  // the most mentioned actors get a permanent label; others on selection
  var LABEL_CHARS = 26;
  var PANEL_MENTIONS = 50;
  var net = null;

  function setupOutletFilter() {
    var select = document.getElementById("outlet-filter");
    var label = document.getElementById("outlet-filter-label");
    if (!select || !label || data.outlets.length < 2) return;
    data.outlets.forEach(function (outlet) {
      var option = document.createElement("option");
      option.value = outlet;
      option.textContent = outlet;
      select.appendChild(option);
    });
    select.addEventListener("change", function () {
      var chosen = select.value;
      document.querySelectorAll("tr[data-outlet], article[data-outlet]").forEach(function (el) {
        el.hidden = chosen !== "" && el.getAttribute("data-outlet") !== chosen;
      });
    });
    label.hidden = false;
  }

  function marksOf(id) {
    return Array.prototype.filter.call(
      document.querySelectorAll("mark[data-entity]"),
      function (mark) { return mark.getAttribute("data-entity") === id; }
    );
  }

  function clearEntity() {
    document.querySelectorAll("mark.active").forEach(function (mark) {
      mark.classList.remove("active");
    });
    document.body.classList.remove("focusing");
    document.getElementById("entity-status").hidden = true;
    active = null;
    unselectNode();
  }

  function showEntity(id) {
    clearEntity();
    var marks = marksOf(id);
    marks.forEach(function (mark) { mark.classList.add("active"); });
    var entity = data.entities[id] || { name: id, type: "" };
    document.getElementById("entity-status-name").textContent = entity.name;
    document.getElementById("entity-status-count").textContent =
      marks.length + (marks.length === 1 ? " mention" : " mentions");
    document.getElementById("entity-status").hidden = false;
    document.body.classList.add("focusing");
    active = id;
    selectNode(id);
  }

  function svgChild(parent, name, attributes) {
    var element = document.createElementNS(SVG_NS, name);
    Object.keys(attributes).forEach(function (key) {
      element.setAttribute(key, String(attributes[key]));
    });
    parent.appendChild(element);
    return element;
  }

  function clearChildren(element) {
    while (element.firstChild) element.removeChild(element.firstChild);
  }

  function listItem(list, text) {
    var item = document.createElement("li");
    if (text !== undefined) item.textContent = text;
    list.appendChild(item);
    return item;
  }

  // Fruchterman-Reingold from a golden-angle spiral: no randomness, so every load looks the same.
  function placeNodes(nodes, edges) {
    var k = Math.sqrt((WIDTH * HEIGHT) / Math.max(nodes.length, 1)) * 0.7;
    nodes.forEach(function (node, i) {
      var radius = k * 0.5 * Math.sqrt(i + 0.5);
      node.x = Math.cos(i * 2.399963) * radius;
      node.y = Math.sin(i * 2.399963) * radius;
    });
    for (var step = 0; step < ITERATIONS; step++) {
      relaxOnce(nodes, edges, k, (WIDTH / 10) * (1 - step / ITERATIONS) + 0.5);
    }
    fitNodes(nodes);
  }

  function relaxOnce(nodes, edges, k, temperature) {
    nodes.forEach(function (node) { node.dx = -node.x * GRAVITY; node.dy = -node.y * GRAVITY; });
    for (var i = 0; i < nodes.length; i++) {
      for (var j = i + 1; j < nodes.length; j++) {
        var a = nodes[i], b = nodes[j];
        var dx = a.x - b.x, dy = a.y - b.y;
        var push = (k * k) / (dx * dx + dy * dy || 0.01);
        a.dx += dx * push; a.dy += dy * push; b.dx -= dx * push; b.dy -= dy * push;
      }
    }
    edges.forEach(function (edge) {
      var dx = edge.a.x - edge.b.x, dy = edge.a.y - edge.b.y;
      var pull = (Math.sqrt(dx * dx + dy * dy) / k) * edge.pull;
      edge.a.dx -= dx * pull; edge.a.dy -= dy * pull;
      edge.b.dx += dx * pull; edge.b.dy += dy * pull;
    });
    nodes.forEach(function (node) {
      var length = Math.sqrt(node.dx * node.dx + node.dy * node.dy) || 0.01;
      var move = Math.min(length, temperature);
      node.x += (node.dx / length) * move;
      node.y += (node.dy / length) * move;
    });
  }

  function fitNodes(nodes) {
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var minX = Math.min.apply(null, xs), minY = Math.min.apply(null, ys);
    var spanX = Math.max.apply(null, xs) - minX || 1, spanY = Math.max.apply(null, ys) - minY || 1;
    var scaleX = (WIDTH - 2 * MARGIN) / spanX, scaleY = (HEIGHT - 2 * MARGIN) / spanY;
    nodes.forEach(function (node) {
      node.x = nodes.length > 1 ? MARGIN + (node.x - minX) * scaleX : WIDTH / 2;
      node.y = nodes.length > 1 ? MARGIN + (node.y - minY) * scaleY : HEIGHT / 2;
    });
  }

  function buildGraph() {
    var byId = {};
    var nodes = data.network.nodes.map(function (raw) {
      var node = { id: raw.id, name: raw.name, kind: raw.kind, mentions: raw.mentions,
        outlets: raw.outlets, degree: raw.degree, links: [], visible: true };
      byId[node.id] = node;
      return node;
    });
    var edges = data.network.edges.filter(function (raw) {
      return byId[raw.source] && byId[raw.target];
    }).map(function (raw) {
      var edge = { a: byId[raw.source], b: byId[raw.target], sentences: raw.sentences,
        outlets: raw.outlets, pull: 1 + Math.log(raw.sentences) * 0.3, visible: true };
      edge.a.links.push(edge);
      edge.b.links.push(edge);
      return edge;
    });
    return { nodes: nodes, edges: edges, byId: byId, selected: null };
  }

  function drawGraph(svg) {
    var most = Math.max.apply(null, net.nodes.map(function (n) { return n.mentions; }).concat([1]));
    var labelled = net.nodes.slice().sort(function (a, b) { return b.mentions - a.mentions; })
      .slice(0, LABELLED);
    var edgeLayer = svgChild(svg, "g", { "class": "edges" });
    var nodeLayer = svgChild(svg, "g", { "class": "nodes" });
    net.edges.forEach(function (edge) {
      edge.el = svgChild(edgeLayer, "line", { "class": "edge", x1: edge.a.x, y1: edge.a.y,
        x2: edge.b.x, y2: edge.b.y, "stroke-width": Math.min(1 + Math.log(edge.sentences) * 1.6, 9) });
      svgChild(edge.el, "title", {}).textContent = edge.a.name + " — " + edge.b.name + ": " +
        edge.sentences + (edge.sentences === 1 ? " sentence" : " sentences");
    });
    net.nodes.forEach(function (node) {
      drawNode(nodeLayer, node, 5 + 17 * Math.sqrt(node.mentions / most));
    });
    labelled.forEach(function (node) { node.el.classList.add("labelled"); });
  }

  function drawNode(layer, node, radius) {
    node.el = svgChild(layer, "g", { "class": "node", "data-entity": node.id, tabindex: 0,
      role: "button", "aria-label": node.name });
    svgChild(node.el, "circle", { "class": "ent ent-" + node.kind, cx: node.x, cy: node.y, r: radius });
    svgChild(node.el, "title", {}).textContent = node.name + "\n" + node.mentions + " mentions · " +
      node.degree + (node.degree === 1 ? " link" : " links");
    var name = node.name.length > LABEL_CHARS ? node.name.slice(0, LABEL_CHARS - 1) + "…" : node.name;
    svgChild(node.el, "text", { x: node.x, y: node.y + radius + 12 }).textContent = name;
  }

  function applyFilters() {
    var outlet = document.getElementById("network-outlet").value;
    var kinds = {};
    document.querySelectorAll("#network-types input").forEach(function (box) {
      kinds[box.value] = box.checked;
    });
    net.nodes.forEach(function (node) {
      node.visible = kinds[node.kind] !== false && (!outlet || node.outlets.indexOf(outlet) >= 0);
      node.el.classList.toggle("off", !node.visible);
    });
    net.edges.forEach(function (edge) {
      edge.visible = edge.a.visible && edge.b.visible &&
        (!outlet || edge.outlets.indexOf(outlet) >= 0);
      edge.el.classList.toggle("off", !edge.visible);
    });
    if (net.selected && !net.selected.visible) clearEntity();
  }

  function resetFilters() {
    document.getElementById("network-outlet").value = "";
    document.querySelectorAll("#network-types input").forEach(function (box) { box.checked = true; });
    applyFilters();
    clearEntity();
  }

  function selectNode(id) {
    var node = net && net.byId[id];
    if (!node) return;
    net.selected = node;
    node.el.parentNode.parentNode.classList.add("selecting");
    node.el.classList.add("sel");
    node.links.forEach(function (edge) {
      edge.el.classList.add("near");
      (edge.a === node ? edge.b : edge.a).el.classList.add("near");
    });
    fillPanel(node);
  }

  function unselectNode() {
    if (!net || !net.selected) return;
    document.querySelectorAll("#network-svg .sel, #network-svg .near").forEach(function (el) {
      el.classList.remove("sel", "near");
    });
    document.getElementById("network-svg").classList.remove("selecting");
    document.getElementById("network-panel-body").hidden = true;
    document.getElementById("network-panel-hint").hidden = false;
    net.selected = null;
  }

  function fillPanel(node) {
    var entity = data.entities[node.id] || { name: node.name, aliases: [], documents: 0 };
    document.getElementById("network-panel-name").textContent = entity.name;
    document.getElementById("network-panel-counts").textContent = node.mentions + " mentions · " +
      entity.documents + " articles · " + node.outlets.length + " outlets · " + node.degree + " links";
    var aliases = document.getElementById("network-panel-aliases");
    clearChildren(aliases);
    entity.aliases.forEach(function (alias) { listItem(aliases, alias); });
    fillNeighbours(node);
    fillMentions(node.id);
    document.getElementById("network-panel-card").setAttribute("href", "#actor-" + node.id);
    document.getElementById("network-panel-body").hidden = false;
    document.getElementById("network-panel-hint").hidden = true;
  }

  function fillNeighbours(node) {
    var list = document.getElementById("network-panel-links");
    clearChildren(list);
    node.links.slice().sort(function (x, y) { return y.sentences - x.sentences; })
      .forEach(function (edge) {
        var other = edge.a === node ? edge.b : edge.a;
        var button = document.createElement("button");
        button.type = "button";
        button.className = "linkish";
        button.setAttribute("data-entity", other.id);
        button.textContent = other.name;
        var item = listItem(list);
        item.appendChild(button);
        item.appendChild(document.createTextNode(" ×" + edge.sentences));
      });
  }

  function fillMentions(id) {
    var list = document.getElementById("network-panel-mentions");
    clearChildren(list);
    marksOf(id).slice(0, PANEL_MENTIONS).forEach(function (mark) {
      var article = mark.closest("article");
      var link = document.createElement("a");
      link.setAttribute("href", "#" + mark.id);
      link.textContent = article ? article.getAttribute("data-outlet") : "article";
      var item = listItem(list);
      item.appendChild(link);
      item.appendChild(document.createTextNode(" · " + mark.textContent));
    });
  }

  function setupNetwork() {
    var svg = document.getElementById("network-svg");
    var view = document.getElementById("network-view");
    if (!svg || !view || !data.network.nodes.length) return;
    net = buildGraph();
    placeNodes(net.nodes, net.edges);
    drawGraph(svg);
    svg.addEventListener("click", function (event) {
      if (!event.target.closest(".node")) clearEntity();
    });
    svg.addEventListener("keydown", function (event) {
      var node = event.target.closest(".node");
      if (!node || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      toggleEntity(node.getAttribute("data-entity"));
    });
    document.getElementById("network-outlet").addEventListener("change", applyFilters);
    document.getElementById("network-types").addEventListener("change", applyFilters);
    document.getElementById("network-reset").addEventListener("click", resetFilters);
    view.hidden = false;
    document.getElementById("network-edges").open = false;
  }

  function toggleEntity(id) {
    if (active === id) {
      clearEntity();
    } else {
      showEntity(id);
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-entity]");
    if (!target) return;
    var id = target.getAttribute("data-entity");
    if (target.tagName === "MARK" || target.classList.contains("node")) {
      toggleEntity(id);
    } else {
      showEntity(id);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clearEntity();
  });
  document.getElementById("entity-status-clear").addEventListener("click", clearEntity);
  setupOutletFilter();
  setupNetwork();
