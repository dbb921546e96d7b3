// Draws every chart of a page from the JSON in each canvas's data-chart attribute (org.yunwei.web.Chart; no inline
// script: Content-Security-Policy). A click on a bar, slice or point opens the page behind it, where there is one.
(function () {
  'use strict';

  function draw(canvas) {
    var spec = JSON.parse(canvas.dataset.chart);
    var links = spec.links || [];
    var horizontal = spec.type === 'hbar';
    var chart = new Chart(canvas, {
      type: horizontal ? 'bar' : spec.type,
      data: { labels: spec.labels, datasets: spec.datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        plugins: { legend: { display: spec.type === 'doughnut' || spec.datasets.length > 1 } },
        scales: spec.percent ? { y: { min: 0, max: 100, ticks: { callback: function (value) { return value + ' %'; } } } }
          : undefined,
        spanGaps: false,
        onHover: function (event, elements) {
          canvas.style.cursor = elements.length && linkOf(links, elements[0]) ? 'pointer' : 'default';
        },
        onClick: function (event, elements) {
          var link = elements.length ? linkOf(links, elements[0]) : null;
          if (link) {
            window.location.assign(link);
          }
        }
      }
    });
    canvas.dataset.drawn = 'true';
    return chart;
  }

  function linkOf(links, element) {
    var ofDataset = links[element.datasetIndex];
    return ofDataset ? ofDataset[element.index] : null;
  }

  function drawAll() {
    if (typeof Chart === 'undefined') {
      return;
    }
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
