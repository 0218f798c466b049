// Tải lên: drag and drop several files; each is sent on its own XHR so it shows
// its own progress bar (bytes sent), then the pages read so far and its result
// (stored / duplicate / error + reason): the server answers 202 with a job at once
// and the job's partial (/upload/jobs/{id}) polls itself every second (htmx).
(function () {
  "use strict";
  var LABELS = { stored: "Đã lưu", duplicate: "Trùng", new_version: "Phiên bản mới", error: "Lỗi" };

  function csrfToken() {
    var m = document.cookie.match(/(?:^|; )ts_csrf=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : "";
  }

  function row(file) {
    var li = document.createElement("li");
    var name = document.createElement("span");
    name.className = "name";
    name.textContent = file.name + " (" + (file.size / 1048576).toFixed(1) + " MB)";
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0;
    var status = document.createElement("div");
    status.className = "status";
    status.textContent = "Đang chờ…";
    li.appendChild(name); li.appendChild(bar); li.appendChild(status);
    document.getElementById("upload-list").prepend(li);
    return { li: li, bar: bar, status: status };
  }

  function show(view, result) {
    view.bar.value = 100;
    view.bar.hidden = true;
    view.li.className = result.status;
    view.status.className = "status " + result.status;
    view.status.textContent = (LABELS[result.status] || result.status) + ": " + (result.message || "");
    if (result.url) {
      var a = document.createElement("a");
      a.href = result.url; a.textContent = " Mở văn bản";
      view.status.appendChild(a);
    }
    if (window.uploadChecks) window.uploadChecks(view.status, result);
    if (result.tracking) {
      var note = document.createElement("div");
      note.className = "tracking-note";
      note.textContent = result.tracking.message + " ";
      if (result.tracking.url) {
        var t = document.createElement("a");
        t.href = result.tracking.url; t.textContent = "Xem theo dõi";
        note.appendChild(t);
      }
      view.status.appendChild(note);
    }
  }

  function follow(view, job) {
    // The job partial replaces this placeholder at once and then itself, every second, until the file is done.
    view.bar.hidden = true;
    view.status.hidden = true;
    var box = document.createElement("div");
    box.className = "upload-job";
    box.textContent = "Đang đọc văn bản…";
    box.setAttribute("hx-get", "/upload/jobs/" + encodeURIComponent(job));
    box.setAttribute("hx-trigger", "load");
    box.setAttribute("hx-swap", "outerHTML");
    view.li.appendChild(box);
    window.htmx.process(box);
  }

  function send(file, unit) {
    var view = row(file);
    var form = new FormData();
    form.append("files", file, file.name);
    if (unit) form.append("unit", unit);
    var xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/v1/documents?wait=false");
    xhr.setRequestHeader("X-CSRF-Token", csrfToken());
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        view.bar.value = Math.round((e.loaded / e.total) * 100);
        view.status.textContent = "Đang tải lên… " + view.bar.value + "%";
      }
    };
    xhr.upload.onload = function () { view.status.textContent = "Đang đọc và lưu văn bản…"; };
    xhr.onload = function () {
      var body = null;
      try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
      if (xhr.status === 202 && body && body.job && window.htmx) return follow(view, body.job);
      if (body && body.results && body.results.length) return show(view, body.results[0]);
      if (body && body.error && body.error.detail && body.error.detail.results) return show(view, body.error.detail.results[0]);
      var message = body && body.error ? body.error.message : "Máy chủ trả lỗi " + xhr.status + ".";
      show(view, { status: "error", message: message });
    };
    xhr.onerror = function () { show(view, { status: "error", message: "Mất kết nối tới máy chủ." }); };
    xhr.send(form);
  }

  function finished(elt) {
    // A job partial that came back done: its file's result class goes on the list item (stored, error...).
    if (!elt.classList || !elt.classList.contains("upload-job") || elt.getAttribute("data-status") !== "done") return;
    var li = elt.closest("li");
    var file = elt.querySelector(".upload-file");
    if (li && file) li.className = file.className.replace("upload-file", "").trim();
  }

  function lost(e) {
    // The job is gone (server restarted) or the session ended: stop polling by replacing the element.
    var elt = e.detail && e.detail.elt;
    if (!elt || !elt.classList || !elt.classList.contains("upload-job")) return;
    var note = document.createElement("div");
    note.className = "status error";
    note.textContent = "Không theo dõi được tiến độ (máy chủ trả lỗi " + e.detail.xhr.status +
      "); xem kết quả trong Thư viện.";
    var li = elt.closest("li");
    elt.replaceWith(note);
    if (li) li.className = "error";
  }

  function init() {
    if (window.htmx) window.htmx.onLoad(finished);
    document.addEventListener("htmx:responseError", lost);
    var formEl = document.getElementById("upload-form");
    var zone = document.getElementById("dropzone");
    var input = document.getElementById("files");
    if (!formEl || !zone || !input) return;
    var unit = function () { var s = document.getElementById("unit"); return s ? s.value : ""; };
    ["dragenter", "dragover"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.add("over"); });
    });
    ["dragleave", "drop"].forEach(function (ev) {
      zone.addEventListener(ev, function (e) { e.preventDefault(); zone.classList.remove("over"); });
    });
    zone.addEventListener("drop", function (e) {
      Array.prototype.forEach.call(e.dataTransfer.files, function (f) { send(f, unit()); });
    });
    formEl.addEventListener("submit", function (e) {
      e.preventDefault();
      Array.prototype.forEach.call(input.files, function (f) { send(f, unit()); });
      input.value = "";
    });
    formEl.dataset.ready = "1";
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
