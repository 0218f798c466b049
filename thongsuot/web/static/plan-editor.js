// The plan editor never loses work: every save answers with the new version
// (swapped into the form's hidden "version" field out of band), a real conflict
// (HTTP 409) is shown with both texts instead of being dropped, and any other
// failure says so next to the save state instead of still claiming "Đã lưu".
document.addEventListener("htmx:beforeSwap", function (e) {
  if (!e.detail.elt || e.detail.elt.id !== "plan-form") return;
  if (e.detail.xhr.status === 409) {
    e.detail.shouldSwap = true;
    e.detail.isError = false;
  }
});
document.addEventListener("htmx:responseError", function (e) {
  if (!e.detail.elt || e.detail.elt.id !== "plan-form" || e.detail.xhr.status === 409) return;
  var state = document.getElementById("save-state");
  if (state) {
    state.textContent = "Chưa lưu được (lỗi " + e.detail.xhr.status + "). Hãy bấm “Lưu” lại.";
    state.classList.add("save-error");
  }
});
document.addEventListener("htmx:sendError", function (e) {
  if (!e.detail.elt || e.detail.elt.id !== "plan-form") return;
  var state = document.getElementById("save-state");
  if (state) {
    state.textContent = "Mất kết nối, chưa lưu. Hãy bấm “Lưu” lại.";
    state.classList.add("save-error");
  }
});
