// Tải lên: a stored file's values read with low confidence, marked "cần kiểm tra" with the reason
// as tooltip (same markup as templates/partials/upload_checks.html).
(function () {
  "use strict";
  window.uploadChecks = function (parent, result) {
    if (!result || !result.checks || !result.checks.length) return;
    var box = document.createElement("div");
    box.className = "checks";
    var head = document.createElement("span");
    head.className = "badge warn";
    head.textContent = "cần kiểm tra";
    box.appendChild(head);
    box.appendChild(document.createTextNode(" "));
    result.checks.forEach(function (c) {
      var mark = document.createElement("span");
      mark.className = "badge check";
      mark.title = c.reason;
      mark.tabIndex = 0;
      mark.textContent = c.label;
      box.appendChild(mark);
    });
    parent.appendChild(box);
  };
})();
