// Draws every chart of a callsim report: each <script type="application/json"
// data-chart="ID"> holds a Vega-Lite spec, drawn as SVG into the element ID.
// Expressions are interpreted (ast), never compiled with eval, so the page's
// Content-Security-Policy can forbid eval. When all are drawn, the body says
// so (data-charts-rendered), and a failure is shown on the page and logged.
"use strict";
(function () {
  var blocks = document.querySelectorAll("script[type='application/json'][data-chart]");
  var drawn = [];
  Array.prototype.forEach.call(blocks, function (block) {
    var target = document.getElementById(block.getAttribute("data-chart"));
    var spec = JSON.parse(block.textContent);
    drawn.push(vegaEmbed(target, spec, {
      actions: false, ast: true, renderer: "svg", tooltip: false
    }));
  });
  Promise.all(drawn).then(function () {
    document.body.setAttribute("data-charts-rendered", String(drawn.length));
  }, function (e) {
    document.body.setAttribute("data-charts-failed", String(e));
    console.error("callsim report: a chart could not be drawn: " + e);
  });
})();
