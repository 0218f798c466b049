// Forms with data-confirm ask before submitting (instead of inline onsubmit handlers, which the CSP forbids).
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute("data-confirm");
  if (question && !window.confirm(question)) {
    event.preventDefault();
  }
}, true);
