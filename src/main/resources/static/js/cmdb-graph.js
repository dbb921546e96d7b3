// The neighbourhood graph of a configuration item's page: the item in the middle, its related items on a circle
// around it, each relation a line named by its type with an arrow from source to target; a neighbour opens its own
// page. Drawn as SVG from the JSON the page carries in data attributes (no library, no network: the app runs on intranets).
(function () {
  'use strict';
  const host = document.getElementById('item-graph');
  if (!host || !host.dataset.graph) {
    return;
  }
  const graph = JSON.parse(host.dataset.graph);
  const labels = host.dataset.labels ? JSON.parse(host.dataset.labels) : {};
  const base = host.dataset.itemBase || '/cmdb/items/';
  const svgNs = 'http://www.w3.org/2000/svg';
  const size = 420;
  const centre = size / 2;
  const others = graph.nodes.filter(n => !n.root);
  const radius = others.length <= 1 ? 120 : Math.min(160, 90 + others.length * 6);
  const position = new Map();
  graph.nodes.forEach(n => {
    if (n.root) {
      position.set(n.id, { x: centre, y: centre });
    }
  });
  others.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / others.length - Math.PI / 2;
    position.set(n.id, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle) });
  });

  function element(name, attributes, text) {
    const e = document.createElementNS(svgNs, name);
    Object.entries(attributes).forEach(([k, v]) => e.setAttribute(k, v));
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  const svg = element('svg', { viewBox: `0 0 ${size} ${size}`, width: '100%', 'class': 'yw-graph' });
  const defs = element('defs', {});
  const marker = element('marker', { id: 'yw-arrow', viewBox: '0 0 10 10', refX: '28', refY: '5',
    markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse' });
  marker.appendChild(element('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#6c757d' }));
  defs.appendChild(marker);
  svg.appendChild(defs);

  graph.edges.forEach(edge => {
    const from = position.get(edge.source);
    const to = position.get(edge.target);
    if (!from || !to) {
      return;
    }
    svg.appendChild(element('line', { x1: from.x, y1: from.y, x2: to.x, y2: to.y, stroke: '#6c757d',
      'stroke-width': '1.5', 'marker-end': 'url(#yw-arrow)', 'class': 'yw-graph-edge' }));
    svg.appendChild(element('text', { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 - 4, 'font-size': '11',
      'text-anchor': 'middle', fill: '#495057' }, labels[edge.type] || edge.type));
  });

  graph.nodes.forEach(node => {
    const p = position.get(node.id);
    const group = element('g', { 'class': 'yw-graph-node', 'data-id': node.id });
    group.appendChild(element('circle', { cx: p.x, cy: p.y, r: node.root ? 24 : 18,
      fill: node.root ? '#0d6efd' : '#ffffff', stroke: '#0d6efd', 'stroke-width': '2' }));
    const name = node.name.length > 14 ? node.name.slice(0, 13) + '…' : node.name;
    group.appendChild(element('text', { x: p.x, y: p.y + (node.root ? 40 : 34), 'font-size': '12',
      'text-anchor': 'middle', fill: '#212529' }, name));
    group.appendChild(element('title', {}, node.name));
    if (!node.root) {
      const link = element('a', { href: base + node.id });
      link.appendChild(group);
      svg.appendChild(link);
    } else {
      svg.appendChild(group);
    }
  });
  host.appendChild(svg);
})();
