/* policykg pages. No inline script anywhere (the pages' CSP forbids it): this file wires
 * the document page's legend and the agency network. Text from the data is only ever set
 * with textContent or as Cytoscape labels (drawn on a canvas), never parsed as HTML. */
(function () {
  "use strict";

  var EDGE_COLORS = {
    co_lead: "#1f77b4", lead_coordinator: "#2ca02c", coordinates: "#2ca02c",
    reports_to: "#d62728", part_of: "#9467bd", succeeds: "#8c564b", successor: "#8c564b"
  };
  var KIND_COLORS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
    "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }

  /* --- document page ------------------------------------------------------------------ */
  function documentPage() {
    var legend = document.getElementById("legend");
    var text = document.getElementById("text");
    if (!legend || !text) { return; }
    legend.addEventListener("change", function (ev) {
      var box = ev.target;
      if (box && box.name) { text.classList.toggle("hide-" + box.name, !box.checked); }
    });
    text.addEventListener("mouseover", function (ev) {
      var a = ev.target.closest ? ev.target.closest("a.hl") : null;
      text.querySelectorAll("a.hl.active").forEach(function (x) { x.classList.remove("active"); });
      if (!a) { return; }
      var key = (a.getAttribute("data-facts") || "").split(" ").pop();
      if (!key) { return; }
      text.querySelectorAll("a.hl").forEach(function (x) {
        if ((" " + x.getAttribute("data-facts") + " ").indexOf(" " + key + " ") >= 0) {
          x.classList.add("active");
        }
      });
    });
  }

  /* --- network page ------------------------------------------------------------------- */
  function networkPage() {
    var box = document.getElementById("cy");
    if (!box || typeof window.cytoscape !== "function") { return; }
    var form = document.getElementById("filters");
    var status = document.getElementById("status");
    var panel = document.getElementById("roles");
    var cy = null;
    var kindColor = {};

    function colorOf(kind) {
      if (!(kind in kindColor)) {
        kindColor[kind] = KIND_COLORS[Object.keys(kindColor).length % KIND_COLORS.length];
      }
      return kindColor[kind];
    }

    function shownEdgeTypes() {
      var types = {};
      form.querySelectorAll("input[name=edge]").forEach(function (c) { types[c.value] = c.checked; });
      return types;
    }

    function applyEdgeFilter() {
      if (!cy) { return; }
      var types = shownEdgeTypes();
      cy.edges().forEach(function (e) {
        var t = e.data("type");
        e.style("display", types[t] === false ? "none" : "element");
      });
    }

    function query() {
      var params = new URLSearchParams();
      ["province", "theme"].forEach(function (name) {
        var v = form.elements[name].value;
        if (v) { params.set(name, v); }
      });
      return params.toString();
    }

    function updateExports(q) {
      form.querySelectorAll("a.export").forEach(function (a) {
        var base = a.getAttribute("href").split("?")[0];
        a.setAttribute("href", q ? base + "?" + q : base);
      });
    }

    function load() {
      var q = query();
      updateExports(q);
      status.textContent = "Loading…";
      fetch(box.getAttribute("data-source") + (q ? "?" + q : ""), {headers: {Accept: "application/json"}})
        .then(function (r) {
          if (!r.ok) { throw new Error("HTTP " + r.status); }
          return r.json();
        })
        .then(draw)
        .catch(function (err) { status.textContent = "Could not load the network: " + err.message; });
    }

    function draw(data) {
      var elements = data.elements;
      if (cy) { cy.destroy(); }
      cy = window.cytoscape({
        container: box,
        elements: elements,
        wheelSensitivity: 0.3,
        style: [
          {selector: "node", style: {
            "width": "data(size)", "height": "data(size)",
            "background-color": function (n) { return colorOf(n.data("kind") || ""); },
            "label": "data(label)", "font-size": 9, "text-wrap": "ellipsis",
            "text-max-width": 120, "color": "#222", "text-valign": "bottom",
            "border-width": 1, "border-color": "#555"}},
          {selector: "node:selected", style: {"border-width": 4, "border-color": "#d00"}},
          {selector: "edge", style: {
            "width": function (e) { return Math.min(1 + Number(e.data("weight") || 1), 8); },
            "line-color": function (e) { return EDGE_COLORS[e.data("type")] || "#999"; },
            "target-arrow-color": function (e) { return EDGE_COLORS[e.data("type")] || "#999"; },
            "target-arrow-shape": function (e) { return e.data("directed") ? "triangle" : "none"; },
            "curve-style": "bezier", "opacity": 0.7}}
        ],
        layout: {name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 9000; },
          idealEdgeLength: function () { return 70; }, numIter: 1500}
      });
      applyEdgeFilter();
      cy.on("tap", "node", function (ev) { showRoles(ev.target); });
      status.textContent = cy.nodes().length + " agencies, " + cy.edges().length + " links";
      box.setAttribute("data-nodes", String(cy.nodes().length));
      window.policykgNetwork = cy;
    }

    function showRoles(node) {
      panel.replaceChildren(el("h2", {}, node.data("label")), el("p", {}, "Loading roles…"));
      fetch(box.getAttribute("data-roles") + "?agency=" + encodeURIComponent(node.id()),
            {headers: {Accept: "application/json"}})
        .then(function (r) {
          if (!r.ok) { throw new Error("HTTP " + r.status); }
          return r.json();
        })
        .then(function (data) {
          var head = el("h2", {});
          head.appendChild(el("a", {href: data.agency.href}, data.agency.label));
          panel.replaceChildren(head);
          var c = node.data("centrality");
          if (c !== undefined) {
            panel.appendChild(el("p", {"class": "centrality"}, "Centrality: " + Number(c).toFixed(3)));
          }
          if (!data.roles.length) { panel.appendChild(el("p", {}, "No roles in the plans.")); }
          var list = el("ul", {"class": "role-list"});
          data.roles.forEach(function (g) {
            var li = el("li", {"class": "role-group"});
            li.appendChild(el("span", {"class": "role"}, g.role));
            li.appendChild(document.createTextNode(" in "));
            li.appendChild(el("a", {href: g.document.page || g.document.href, "class": "plan"},
                              g.document.label));
            if (g.document.province) {
              li.appendChild(document.createTextNode(" (" + g.document.province + ")"));
            }
            if (g.items.length) {
              var items = el("ul", {});
              g.items.forEach(function (it) {
                var i = el("li", {});
                i.appendChild(el("a", {href: it.href}, it.label));
                items.appendChild(i);
              });
              li.appendChild(items);
            }
            list.appendChild(li);
          });
          panel.appendChild(list);
        })
        .catch(function (err) {
          panel.replaceChildren(el("p", {}, "Could not load the roles: " + err.message));
        });
    }

    form.addEventListener("change", function (ev) {
      if (ev.target.name === "edge") { applyEdgeFilter(); } else { load(); }
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    load();
  }

  document.addEventListener("DOMContentLoaded", function () {
    documentPage();
    networkPage();
  });
})();
