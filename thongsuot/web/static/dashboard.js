// Dashboard charts from the JSON the page embeds (#chart-data); a file, not inline, for the CSP.
document.addEventListener("DOMContentLoaded", function () {
  if (!window.Chart) return;
  var data = JSON.parse(document.getElementById("chart-data").textContent);
  var bar = function (id, labels, values, label) {
    new Chart(document.getElementById(id), {type: "bar", data: {labels: labels, datasets: [{label: label, data: values, backgroundColor: "#a3171b"}]},
      options: {indexAxis: id === "chart-channel" ? "y" : "x", plugins: {legend: {display: false}},
        scales: {x: {ticks: {precision: 0}}, y: {ticks: {precision: 0}}}}});
  };
  bar("chart-channel", data.channel.map(function (r) { return r[0]; }), data.channel.map(function (r) { return r[1]; }), "Hoạt động");
  bar("chart-month", data.month.map(function (r) { return r[0]; }), data.month.map(function (r) { return r[1]; }), "Hoạt động");
});
