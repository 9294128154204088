// Draws the page's graph from its JSON block with the app's own copy of vis-network.
// Labels and titles are plain strings, which vis shows as text, never as markup.
(function () {
  "use strict";
  var holder = document.getElementById("graph");
  var block = document.getElementById("graph-data");
  if (!holder || !block || typeof vis === "undefined") {
    return;
  }
  var data = JSON.parse(block.textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(
    data.edges.map(function (edge, index) {
      edge.id = "e" + index;
      return edge;
    })
  );
  var hierarchical = data.layout === "hierarchical";
  var options = {
    interaction: { hover: true, navigationButtons: false, tooltipDelay: 150 },
    nodes: { font: { size: 13, face: "sans-serif" }, borderWidth: 1 },
    edges: { font: { size: 10, align: "middle" }, smooth: { type: "dynamic" } },
    layout: hierarchical
      ? { hierarchical: { direction: "DU", sortMethod: "directed", levelSeparation: 150, nodeSpacing: 230, shakeTowards: "roots" } }
      : { improvedLayout: data.nodes.length < 100 },
    physics: hierarchical
      ? false
      : { stabilization: { iterations: 200 }, barnesHut: { springLength: 140 } },
  };
  var network = new vis.Network(holder, { nodes: nodes, edges: edges }, options);
  function ready() {
    holder.setAttribute("data-ready", "1");
  }
  if (hierarchical) {
    ready();
  } else {
    // Freeze the layout once settled, so nodes stay where a reader (or a test) clicks.
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: false });
      ready();
    });
  }
  function open(id) {
    var node = nodes.get(id);
    var url = node && node.url;
    if (typeof url !== "string" || url.charAt(0) !== "/") {
      return;
    }
    // Only the app's own pages: resolved, a path such as "/\host" or "//host" names another
    // origin, and any scheme (javascript:, data:) does not start with "/".
    var target = new URL(url, window.location.href);
    if (target.origin === window.location.origin) {
      window.location.assign(target.href);
    }
  }
  function short(text) {
    text = String(text);
    return text.length <= 30 ? text : text.slice(0, 29) + "…";
  }
  var expanded = {};
  // In the explorer a click adds the node's neighbours to the drawing (a double click opens
  // the node's own page); elsewhere a click opens the page.
  function expand(id) {
    if (expanded[id]) {
      return;
    }
    expanded[id] = true;
    var query = "?iri=" + encodeURIComponent(id) + "&limit=50";
    if (data.kinds) {
      query += "&kinds=" + encodeURIComponent(data.kinds);
    }
    holder.setAttribute("data-ready", "0");
    fetch(data.expand + query, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { neighbours: [] }; })
      .then(function (found) {
        found.neighbours.forEach(function (next) {
          if (!nodes.get(next.iri)) {
            nodes.add({
              id: next.iri,
              label: short(next.label),
              title: String(next.label),
              url: "/explore?iri=" + encodeURIComponent(next.iri),
            });
          }
          var from = next.direction === "out" ? id : next.iri;
          var to = next.direction === "out" ? next.iri : id;
          var key = from + " " + next.relation + " " + to;
          if (!edges.get(key)) {
            edges.add({ id: key, from: from, to: to, label: next.relation, arrows: "to" });
          }
        });
        holder.setAttribute("data-ready", "1");
      });
  }
  network.on("click", function (params) {
    if (!params.nodes.length) {
      return;
    }
    if (data.expand) {
      expand(params.nodes[0]);
    } else {
      open(params.nodes[0]);
    }
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) {
      open(params.nodes[0]);
    }
  });
  window.mandateNetwork = network;
  window.mandateNodes = nodes;
})();
