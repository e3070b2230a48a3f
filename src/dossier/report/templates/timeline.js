  // The timeline drawing: events on a time axis, packed into rows, coloured by outlet.
  // Event positions come from timeline.py as fractional years ("from" inclusive, "to" not).
  var TL_WIDTH = 860;  // the viewBox width of #timeline-svg, about its width on screen
  var TL_SIDE = 20;  // room at either end for the outermost tick labels
  var TL_AXIS = 34;  // the tick labels sit above the first row
  var TL_ROW = 26;
  var TL_BAR = 12;  // bar height; several outlets share it as stripes
  var TL_DOT = 4.5;  // dot radius, for events narrower than TL_MIN_BAR
  var TL_MIN_BAR = 7;  // px: a day or a month on a decades-long axis is a dot, not a sliver
  var TL_OPEN = 24;  // the dashed lead-in of a "before" or "after" event
  var TL_WARN = 16;  // the width of the disagreement mark
  var TL_LABEL_CHARS = 30;
  var TL_CHAR = 6.2;  // average width of a label character at 11px, for packing rows
  var TL_GAP = 10;  // between two events on one row
  var TL_MAX_TICKS = 12;
  // [labelled step, minor step] in years, the first that gives at most TL_MAX_TICKS labels wins
  var TL_STEPS = [[1 / 12, 1 / 12], [0.25, 1 / 12], [0.5, 1 / 12], [1, 0.25], [2, 1], [5, 1],
    [10, 1], [20, 5], [25, 5], [50, 10], [100, 10], [200, 50], [500, 100], [1000, 100]];
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var tl = null;

  function timeDomain(events) {
    var lo = Math.min.apply(null, events.map(function (e) { return e.from; }));
    var hi = Math.max.apply(null, events.map(function (e) { return e.to; }));
    if (hi - lo < 1 / 6) { lo -= 1 / 12; hi += 1 / 12; }
    var steps = TL_STEPS.filter(function (s) { return (hi - lo) / s[0] <= TL_MAX_TICKS; });
    var step = (steps[0] || TL_STEPS[TL_STEPS.length - 1]);
    return { lo: Math.floor(lo / step[1] + 1e-9) * step[1],
      hi: Math.ceil(hi / step[1] - 1e-9) * step[1], step: step[0], minor: step[1] };
  }

  function xOf(t) {
    return TL_SIDE + ((t - tl.domain.lo) / (tl.domain.hi - tl.domain.lo)) * (TL_WIDTH - 2 * TL_SIDE);
  }

  function tickLabel(t, step) {
    if (step >= 1) return String(Math.round(t));
    var months = Math.round(t * 12);
    return months % 12 === 0 ? String(months / 12) : MONTHS[months % 12];
  }

  function shorten(text, chars) {
    return text.length > chars ? text.slice(0, chars - 1) + "…" : text;
  }

  // Where the marker, its extras and its label go, left to right, before rows are assigned.
  function eventGeometry(ev) {
    var n = Math.max(ev.colours.length, 1);
    var a = xOf(ev.from), b = xOf(ev.to);
    var geo = { bar: ev.precision !== "before" && ev.precision !== "after" && b - a >= TL_MIN_BAR };
    if (!geo.bar) {
      var half = n * TL_DOT + (n - 1);
      a = (a + b) / 2 - half;
      b = a + 2 * half;
    }
    geo.a = a; geo.b = b;
    geo.left = a - (ev.precision === "before" ? TL_OPEN : 0);
    geo.warn = b + (ev.precision === "after" ? TL_OPEN : 0) + 3;
    geo.right = geo.warn + (ev.disagreement ? TL_WARN : 0);
    placeLabel(geo, shorten(ev.summary, TL_LABEL_CHARS));
    return geo;
  }

  // Right of the marker if it fits, else left of it, else over a bar as long as the axis.
  function placeLabel(geo, text) {
    var width = text.length * TL_CHAR;
    geo.text = text;
    if (geo.right + 5 + width <= TL_WIDTH) {
      geo.labelX = geo.right + 5; geo.anchor = "start"; geo.right = geo.labelX + width;
    } else if (geo.left - 5 - width >= 0) {
      geo.labelX = geo.left - 5; geo.anchor = "end"; geo.left = geo.labelX - width;
    } else {
      geo.labelX = Math.max(geo.a, 0) + 6; geo.anchor = "start";
      geo.right = Math.max(geo.right, geo.labelX + width);
    }
  }

  // Greedy interval packing: each event goes into the first row where it fits.
  function packRows(events) {
    var ends = [];
    events.slice().sort(function (x, y) { return x.geo.left - y.geo.left; }).forEach(function (ev) {
      var row = 0;
      while (row < ends.length && ends[row] + TL_GAP > ev.geo.left) row++;
      ends[row] = ev.geo.right;
      ev.geo.y = TL_AXIS + row * TL_ROW + TL_ROW / 2;
    });
    return ends.length;
  }

  function drawAxis(layer, height) {
    var d = tl.domain;
    var first = Math.ceil(d.lo / d.minor - 1e-9);
    for (var k = first; k * d.minor <= d.hi + 1e-9; k++) {
      var t = k * d.minor, x = xOf(t);
      var major = Math.abs(t / d.step - Math.round(t / d.step)) < 1e-6;
      svgChild(layer, "line", { "class": major ? "tl-grid" : "tl-minor", x1: x, x2: x,
        y1: TL_AXIS - (major ? 12 : 5), y2: major ? height - 20 : TL_AXIS - 1 });
      if (major) {
        svgChild(layer, "text", { "class": "tl-tick", x: x, y: TL_AXIS - 16 })
          .textContent = tickLabel(t, d.step);
        svgChild(layer, "text", { "class": "tl-tick", x: x, y: height - 6 })
          .textContent = tickLabel(t, d.step);
      }
    }
    svgChild(layer, "line", { "class": "tl-axis", x1: TL_SIDE, x2: TL_WIDTH - TL_SIDE,
      y1: TL_AXIS - 1, y2: TL_AXIS - 1 });
  }

  function drawEvent(layer, ev) {
    var geo = ev.geo;
    ev.el = svgChild(layer, "g", { "class": "tl-event", tabindex: 0, role: "button",
      "data-index": ev.index, "aria-label": ev.label + ": " + ev.summary });
    svgChild(ev.el, "rect", { "class": "tl-hit", x: geo.left - 2, y: geo.y - TL_ROW / 2,
      width: geo.right - geo.left + 4, height: TL_ROW });
    if (ev.precision === "before") drawOpen(ev.el, geo.a, geo.a - TL_OPEN, geo.y);
    if (ev.precision === "after") drawOpen(ev.el, geo.b, geo.b + TL_OPEN, geo.y);
    (geo.bar ? drawBar : drawDots)(ev.el, ev.colours.length ? ev.colours : [8], geo);
    if (ev.disagreement) drawWarning(ev.el, geo.warn + TL_WARN / 2 - 1, geo.y);
    svgChild(ev.el, "text", { "class": "tl-label", x: geo.labelX, y: geo.y + 4,
      "text-anchor": geo.anchor }).textContent = geo.text;
    if (tl.selected === ev) ev.el.classList.add("sel");
  }

  function drawBar(group, colours, geo) {
    var stripe = TL_BAR / colours.length;
    colours.forEach(function (colour, i) {
      svgChild(group, "rect", { "class": "mk o" + colour, x: geo.a, y: geo.y - TL_BAR / 2 + i * stripe,
        width: geo.b - geo.a, height: stripe });
    });
    svgChild(group, "rect", { "class": "mk-frame", x: geo.a, y: geo.y - TL_BAR / 2,
      width: geo.b - geo.a, height: TL_BAR, rx: 2 });
  }

  function drawDots(group, colours, geo) {
    colours.forEach(function (colour, i) {
      svgChild(group, "circle", { "class": "mk dot o" + colour, r: TL_DOT,
        cx: geo.a + TL_DOT + i * (2 * TL_DOT + 2), cy: geo.y });
    });
  }

  function drawOpen(group, from, to, y) {
    var tip = to < from ? 1 : -1;
    svgChild(group, "line", { "class": "tl-open", x1: from, x2: to + tip * 4, y1: y, y2: y });
    svgChild(group, "path", { "class": "tl-open-tip",
      d: "M" + to + " " + y + "l" + tip * 6 + " -4v8z" });
  }

  function drawWarning(group, x, y) {
    svgChild(group, "path", { "class": "tl-warn", d: "M" + x + " " + (y - 7) + "l7 13h-14z" });
    svgChild(group, "text", { "class": "tl-warn-text", x: x, y: y + 4.5 }).textContent = "!";
  }

  function drawTimeline() {
    var svg = tl.svg;
    clearChildren(svg);
    var shown = tl.events.filter(function (ev) { return ev.visible; });
    shown.forEach(function (ev) { ev.geo = eventGeometry(ev); });
    var height = TL_AXIS + Math.max(packRows(shown), 1) * TL_ROW + 26;  // and labels below
    svg.setAttribute("viewBox", "0 0 " + TL_WIDTH + " " + height);
    drawAxis(svgChild(svg, "g", { "class": "tl-axis-layer" }), height);
    var layer = svgChild(svg, "g", { "class": "tl-events" });
    shown.forEach(function (ev) { drawEvent(layer, ev); });
    tl.height = height;
    tl.tip = svgChild(svg, "g", { "class": "tl-tip", "aria-hidden": "true" });
  }
