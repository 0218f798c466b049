// Forms: a button with data-confirm asks before its form is sent (e.g. "Gửi báo cáo"), whether the form goes
// by htmx or as a plain POST. Kept in a file, not inline, so a strict Content-Security-Policy allows it.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    var question = button && button.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();
