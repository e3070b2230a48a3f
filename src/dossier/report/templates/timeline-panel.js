  // The timeline's hover card, evidence panel and filters; setupTimeline starts it all.
  var TIP_CHARS = 58;  // per line of the hover card
  var TIP_LINES = 3;  // of summary; the panel has the rest

  function wrapText(text, chars, most) {
    var lines = [""];
    text.split(" ").forEach(function (word) {
      var last = lines.length - 1;
      if (lines[last] && lines[last].length + word.length + 1 > chars) lines.push(word);
      else lines[last] = lines[last] ? lines[last] + " " + word : word;
    });
    if (lines.length > most) {
      lines = lines.slice(0, most);
      lines[most - 1] += " …";
    }
    return lines.map(function (line) { return shorten(line, chars + 2); });
  }

  function showTip(ev) {
    var tip = tl.tip;
    clearChildren(tip);
    var box = svgChild(tip, "rect", { "class": "tl-tip-box", rx: 4, x: 0, y: 0 });
    var summary = wrapText(ev.summary, TIP_CHARS, TIP_LINES);
    var lines = summary.concat([ev.label + (ev.disagreement ? " · reports disagree on the date" : ""),
      ev.outlets.join(", ")]);
    lines.forEach(function (line, i) {
      svgChild(tip, "text", { "class": i < summary.length ? "tl-tip-head" : "tl-tip-meta",
        x: 9, y: 17 + i * 15 }).textContent = line;
    });
    var size = tip.getBBox();
    var width = size.width + 18, height = size.height + 14;
    box.setAttribute("width", String(width));
    box.setAttribute("height", String(height));
    var x = Math.min(Math.max(ev.geo.a - 10, 2), TL_WIDTH - width - 2);
    var y = ev.geo.y + 12 + height > tl.height ? ev.geo.y - 12 - height : ev.geo.y + 12;
    tip.setAttribute("transform", "translate(" + x + " " + Math.max(y, 0) + ")");
    tip.classList.add("on");
  }

  function hideTip() {
    if (tl && tl.tip) tl.tip.classList.remove("on");
  }

  function eventOf(target) {
    var group = target && target.closest ? target.closest(".tl-event") : null;
    return group ? tl.events[Number(group.getAttribute("data-index"))] : null;
  }

  function selectEvent(ev) {
    if (tl.selected && tl.selected.el) tl.selected.el.classList.remove("sel");
    tl.selected = ev;
    document.getElementById("timeline-panel-body").hidden = !ev;
    document.getElementById("timeline-panel-hint").hidden = !!ev;
    if (!ev) return;
    if (ev.el) ev.el.classList.add("sel");
    fillEventPanel(ev);
  }

  function fillEventPanel(ev) {
    document.getElementById("timeline-panel-date").textContent = ev.label;
    document.getElementById("timeline-panel-summary").textContent = ev.summary;
    document.getElementById("timeline-panel-warn").hidden = !ev.disagreement;
    document.getElementById("timeline-panel-outlets").textContent = ev.outlets.join(", ");
    var actors = document.getElementById("timeline-panel-actors");
    clearChildren(actors);
    ev.actors.forEach(function (id, i) {
      var link = document.createElement("a");
      link.setAttribute("href", "#actor-" + id);
      link.setAttribute("data-entity", id);
      link.textContent = ev.names[i];
      listItem(actors).appendChild(link);
    });
    document.getElementById("timeline-panel-actors-head").hidden = !ev.actors.length;
    var list = document.getElementById("timeline-panel-evidence");
    clearChildren(list);
    ev.evidence.forEach(function (item) { evidenceItem(list, item); });
    document.getElementById("timeline-panel-row").setAttribute("href", "#" + ev.anchor);
  }

  function evidenceItem(list, item) {
    var entry = listItem(list);
    var head = document.createElement("p");
    var outlet = document.createElement("strong");
    outlet.textContent = item.outlet;
    head.appendChild(outlet);
    var when = item.phrase ? "“" + item.phrase + "”" : "";
    if (item.label) when += (when ? " → " : "") + item.label;
    if (when) head.appendChild(document.createTextNode(" · " + when));
    entry.appendChild(head);
    var quote = document.createElement("q");
    quote.textContent = item.sentence;
    entry.appendChild(quote);
    if (!item.href) return;
    var link = document.createElement("a");
    link.setAttribute("href", "#" + item.href);
    link.textContent = " Read in the article";
    entry.appendChild(link);
  }

  function applyTimelineFilters() {
    var outlet = document.getElementById("timeline-outlet").value;
    var actor = document.getElementById("timeline-actor").value;
    var count = 0;
    data.timeline.events.forEach(function (ev, i) {
      var match = (!outlet || ev.outlets.indexOf(outlet) >= 0) && (!actor || ev.actors.indexOf(actor) >= 0);
      ev.visible = match && ev.from !== null;
      count += match ? 1 : 0;
      var row = tl.rows[i];
      if (row) row.hidden = !match;
    });
    if (tl.selected && !tl.selected.visible) selectEvent(null);
    hideTip();
    drawTimeline();
    document.getElementById("timeline-count").textContent =
      count + " of " + data.timeline.events.length + " events";
  }

  function setupTimelineEvents(svg) {
    svg.addEventListener("mouseover", function (event) {
      var ev = eventOf(event.target);
      if (ev) showTip(ev); else hideTip();
    });
    svg.addEventListener("mouseleave", hideTip);
    svg.addEventListener("focusin", function (event) {
      var ev = eventOf(event.target);
      if (ev) showTip(ev);
    });
    svg.addEventListener("focusout", hideTip);
    svg.addEventListener("click", function (event) {
      var ev = eventOf(event.target);
      selectEvent(ev && ev !== tl.selected ? ev : null);
    });
    svg.addEventListener("keydown", function (event) {
      var ev = eventOf(event.target);
      if (!ev || (event.key !== "Enter" && event.key !== " ")) return;
      event.preventDefault();
      selectEvent(ev);
    });
  }

  function setupTimeline() {
    var svg = document.getElementById("timeline-svg");
    var view = document.getElementById("timeline-view");
    data.timeline = data.timeline || { events: [] };
    var events = data.timeline.events;
    events.forEach(function (ev, i) { ev.index = i; ev.visible = ev.from !== null; });
    var drawn = events.filter(function (ev) { return ev.visible; });
    if (!svg || !view || !drawn.length) return;
    var rows = {};
    document.querySelectorAll("#timeline-table tr[data-index]").forEach(function (row) {
      rows[row.getAttribute("data-index")] = row;
    });
    tl = { svg: svg, events: events, rows: rows, selected: null, domain: timeDomain(drawn) };
    setupTimelineEvents(svg);
    document.getElementById("timeline-outlet").addEventListener("change", applyTimelineFilters);
    document.getElementById("timeline-actor").addEventListener("change", applyTimelineFilters);
    view.hidden = false;
    applyTimelineFilters();
    document.getElementById("timeline-table").open = false;
  }

  setupTimeline();
