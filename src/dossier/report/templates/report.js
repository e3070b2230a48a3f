(function () {
  "use strict";
  var source = document.getElementById("dossier-data");
  var data = source ? JSON.parse(source.textContent) : { outlets: [], entities: {} };
  var active = null;

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
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-entity]");
    if (!target) return;
    var id = target.getAttribute("data-entity");
    if (target.tagName === "MARK" && active === id) {
      clearEntity();
    } else {
      showEntity(id);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") clearEntity();
  });
  document.getElementById("entity-status-clear").addEventListener("click", clearEntity);
  setupOutletFilter();
})();
