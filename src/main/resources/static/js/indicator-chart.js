// Draws the indicators page's line chart from the canvas's data-series attribute (JSON written by
// the server). The table below the chart carries the same numbers for readers without JavaScript.
(function () {
  'use strict';
  var canvas = document.getElementById('series-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var data = JSON.parse(canvas.getAttribute('data-series'));
  var colours = ['#0b5cad', '#1a7f37', '#92400e', '#7c3aed', '#b42318', '#0e7490'];
  var datasets = data.series.map(function (s, i) {
    return {label: s.label, data: s.values, borderColor: colours[i % colours.length],
      backgroundColor: colours[i % colours.length], spanGaps: true, tension: 0.1};
  });
  if (data.target.some(function (v) { return v !== null; })) {
    datasets.push({label: canvas.getAttribute('data-target-label'), data: data.target, borderColor: '#b42318',
      borderDash: [6, 4], pointRadius: 0, spanGaps: true, fill: false});
  }
  canvas.chart = new Chart(canvas, {
    type: 'line',
    data: {labels: data.labels, datasets: datasets},
    options: {responsive: true, maintainAspectRatio: false, animation: false,
      plugins: {legend: {position: 'bottom'}}}
  });
  canvas.setAttribute('data-rendered', 'true');
})();
