// The questionnaire's error summary (GOV.UK pattern): focus it when the page shows errors,
// and let each of its links move focus to the control it names.
(function () {
  "use strict";
  var summary = document.getElementById("form-errors");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a.error-link");
    if (!link) {
      return;
    }
    var target = document.getElementById(link.dataset.target);
    if (!target) {
      return;
    }
    event.preventDefault();
    target.scrollIntoView({ block: "center" });
    target.focus({ preventScroll: true });
  });
})();
