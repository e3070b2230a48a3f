  // The claim ledger: status, outlet and text filters over the matrix, and a detail row that
  // opens when its claim is clicked. The page works without this: every detail is a <details>.
  var cl = null;

  function claimSummary(row) {
    var summary = row.querySelector(".claim-summary");
    return summary ? summary.textContent.toLowerCase() : "";
  }

  function toggleClaim(row, open) {
    var detail = cl.details[row.getAttribute("data-index")];
    if (!detail) return;
    detail.hidden = !open;
    var box = detail.querySelector("details");
    if (box) box.open = open;
    row.classList.toggle("open", open);
    var button = row.querySelector(".claim-toggle");
    if (button) button.setAttribute("aria-expanded", String(open));
  }

  function claimMatches(row, status, column, words) {
    var cell = column === "" ? null : row.cells[Number(column) + 1];
    return (!status || row.getAttribute("data-status") === status) &&
      (!cell || !cell.classList.contains("cell-none")) &&
      (!words || claimSummary(row).indexOf(words) >= 0);
  }

  function applyClaimFilters() {
    var status = document.getElementById("claims-status").value;
    var column = document.getElementById("claims-outlet").value;
    var words = document.getElementById("claims-search").value.trim().toLowerCase();
    var shown = 0;
    cl.rows.forEach(function (row) {
      var match = claimMatches(row, status, column, words);
      row.hidden = !match;
      if (!match) toggleClaim(row, false);
      shown += match ? 1 : 0;
    });
    cl.table.querySelectorAll(".col-on").forEach(function (cell) { cell.classList.remove("col-on"); });
    if (column !== "") {
      cl.table.querySelectorAll("tr").forEach(function (row) {
        var cell = row.cells[Number(column) + 1];
        if (cell && row.cells.length > 1) cell.classList.add("col-on");
      });
    }
    document.getElementById("claims-count").textContent =
      shown + " of " + cl.rows.length + (cl.rows.length === 1 ? " claim" : " claims");
  }

  // A link to a claim (#claim-ID) opens its evidence.
  function openLinkedClaim() {
    var target = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (target && target.classList.contains("claim") && cl.rows.indexOf(target) >= 0) {
      toggleClaim(target, true);
    }
  }

  function setupClaims() {
    var section = document.getElementById("claims");
    var controls = document.getElementById("claims-controls");
    var table = section && section.querySelector("table.claims");
    if (!table || !controls) return;
    cl = { table: table, rows: Array.prototype.slice.call(table.querySelectorAll("tr.claim")),
      details: {} };
    table.querySelectorAll("tr.claim-detail").forEach(function (row) {
      cl.details[row.getAttribute("data-index")] = row;
      row.hidden = true;
    });
    table.querySelectorAll(".claim-toggle").forEach(function (button) { button.hidden = false; });
    table.addEventListener("click", function (event) {
      var row = event.target.closest("tr.claim");
      if (!row || event.target.closest("a")) return;
      toggleClaim(row, !row.classList.contains("open"));
    });
    ["claims-status", "claims-outlet"].forEach(function (id) {
      document.getElementById(id).addEventListener("change", applyClaimFilters);
    });
    document.getElementById("claims-search").addEventListener("input", applyClaimFilters);
    section.classList.add("claims-js");
    controls.hidden = false;
    applyClaimFilters();
    openLinkedClaim();
    window.addEventListener("hashchange", openLinkedClaim);
  }

  setupClaims();
