// Sơ đồ dẫn chiếu: draws the lineage graph embedded in the page with cytoscape.js.
// Parents (what a document implements) are drawn above, children below.
(function () {
  "use strict";
  var COLORS = { central: "#a3171b", province: "#d46b08", district: "#2f7d32", commune: "#1565c0", other: "#6d4c9f" };

  function draw() {
    var holder = document.getElementById("graph");
    var source = document.getElementById("graph-data");
    if (!holder || !source || typeof cytoscape === "undefined") return;
    var data = JSON.parse(source.textContent);
    var elements = [];
    data.nodes.forEach(function (n) {
      var label = n.label + (n.date ? "\n" + n.date.slice(0, 4) : "");
      elements.push({ data: { id: n.id, label: label, url: n.url, color: COLORS[n.level] || COLORS.other,
                              title: n.title || "" },
                      classes: (n.in_library ? "doc" : "placeholder") + (n.root ? " root" : "") });
    });
    data.edges.forEach(function (e) {
      elements.push({ data: { id: e.id, source: e.source, target: e.target, relation: e.relation },
                      classes: e.relation });
    });
    var cy = cytoscape({
      container: holder,
      elements: elements,
      wheelSensitivity: 0.3,
      minZoom: 0.2,
      maxZoom: 1.4,
      style: [
        { selector: "node", style: {
            "background-color": "data(color)", "label": "data(label)", "color": "#1d2433",
            // Labels sit to the right of the node on a white ground: the edges run up and down between
            // levels, so their arrowheads (at the node's top and bottom) never cover a label.
            "font-size": 11, "text-wrap": "wrap", "text-max-width": 150, "text-valign": "center",
            "text-halign": "right", "text-margin-x": 6, "text-background-color": "#fff",
            "text-background-opacity": 0.9, "text-background-padding": 2, "z-index": 10,
            "width": 26, "height": 26, "border-width": 2, "border-color": "#fff" } },
        { selector: "node.placeholder", style: {
            "background-color": "#e4e6ea", "border-style": "dashed", "border-color": "#8b909a",
            "border-width": 2, "color": "#6a6f7b" } },
        { selector: "node.root", style: { "width": 38, "height": 38, "border-color": "#ffb300", "border-width": 4,
            "font-weight": "bold" } },
        { selector: "edge", style: {
            "width": 2, "line-color": "#9aa4b5", "target-arrow-color": "#9aa4b5",
            "target-arrow-shape": "triangle", "arrow-scale": 0.9, "curve-style": "bezier", "z-index": 1 } },
        { selector: "edge.attached_to", style: { "line-style": "dotted" } },
        { selector: "edge.mentions", style: { "line-style": "dashed", "line-color": "#cfd5df" } }
      ],
      layout: { name: "preset" }
    });
    // Edges point child -> parent: lay out with the top parents as roots, children below.
    var tops = cy.nodes().filter(function (n) { return n.outgoers("edge").length === 0; });
    cy.layout({ name: "breadthfirst", directed: false, roots: tops.length ? tops : undefined,
                spacingFactor: 1.4, padding: 24, avoidOverlap: true, nodeDimensionsIncludeLabels: true }).run();
    cy.on("tap", "node", function (evt) {
      var url = evt.target.data("url");
      if (url) window.location.href = url;
    });
    cy.on("mouseover", "node", function (evt) { holder.title = evt.target.data("title") || ""; });
    holder.dataset.ready = "1";
    window.thongsuotGraph = cy;
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
